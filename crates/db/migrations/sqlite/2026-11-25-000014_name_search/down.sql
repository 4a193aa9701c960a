DROP TABLE request_name_words;
