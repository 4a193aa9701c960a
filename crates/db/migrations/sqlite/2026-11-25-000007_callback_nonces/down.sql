DROP TABLE callback_nonces;
