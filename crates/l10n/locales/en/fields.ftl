# Form fields as named in error messages, and what can be wrong with them. Each problem
# is a sentence of its own, shown after the field's name.

field-kind = Type of request
field-jurisdiction = Where you live
field-email = Email address
field-name = Name
field-details = Details
field-correction_what = What is wrong
field-correction_value = The correct information
field-agent = Authorized agent
field-agent_name = Agent's name
field-agent_email = Agent's email address
field-csrf = Form
field-file = File

problem-required = Please fill this in.
problem-choose = Please choose one of the options.
problem-too-long = Please shorten this to at most { $max } characters.
problem-control = Please remove the control characters.
problem-email = Please enter a valid email address, such as name@example.com.
problem-phone = Please enter a phone number using digits, spaces and + - ( ) only, such as +43 1 234 5678.
problem-agent-ccpa = Filing as an authorized agent is possible only for California (CCPA) requests.
problem-form-expired = The form has expired. Please check your answers and send it again.
problem-file-empty = Please choose a file.
problem-file-large = The file is larger than 5 MB.
problem-file-type = The file must be a PDF, PNG or JPEG file.
problem-proof-not-agent = Proof of authority is only asked for when an authorized agent files the request.
problem-other = Please check this entry.
