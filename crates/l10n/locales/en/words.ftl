# Words for the product's vocabularies, as a customer reads them. The part after the
# dash is the stable machine word and must not be translated.

## What a person asks for

kind-access = See my data (access)
kind-correction = Correct my data
kind-deletion = Delete my data
kind-portability = Get my data to take elsewhere (portability)
kind-opt_out = Do not sell or share my data (opt-out)
kind-limit_use = Limit use of my sensitive data
kind-restriction = Restrict processing of my data
kind-objection = Object to processing of my data

## Where the person lives (the request form)

jurisdiction-gdpr = European Union or EEA
jurisdiction-uk_gdpr = United Kingdom
jurisdiction-ccpa = California, USA
jurisdiction-other = Somewhere else

## Where a request stands

status-word-received = Received
status-word-verifying = Awaiting identity confirmation
status-word-verified = Identity confirmed
status-word-in_progress = In progress
status-word-paused = Waiting for information from you
status-word-completed = Completed
status-word-denied = Refused
status-word-withdrawn = Withdrawn

## Why a request was refused

denial-identity_not_verified = Your identity could not be verified
denial-not_consumer_or_agent = Not made by the consumer or an authorised agent (CCPA)
denial-manifestly_unfounded = Manifestly unfounded or excessive (GDPR Art. 12(5))
denial-legal_exemption = Legal exemption (GDPR Art. 17(3)(a)–(e))
denial-ccpa_exception = An exception under the CCPA applies
denial-other = Other reason (explained below)

## The request's timeline

event-received = Request received
event-verification_sent = Confirmation email sent
event-send_verification = Confirmation email sent again
event-verified = Identity confirmed
event-verify = Identity verified by our staff
event-start = Sent to our systems that hold data
event-pause = Waiting for information from you
event-resume = Work resumed
event-extend = Deadline extended
event-deny = Request refused
event-complete = Request completed
event-withdraw = Request withdrawn
event-email_failed = An email could not be sent
event-proof_received = Proof of the agent's authority received
event-deadline_recalculated = Due date recalculated
event-task_open = Work in one of our systems was reopened
event-task_running = Work in one of our systems is running
event-task_done = One of our systems finished
event-task_exempt = One of our systems recorded an exemption
event-task_failed = One of our systems reported a problem
event-task_sent = Sent to one of our systems
event-task_handed = Waiting for the team responsible for one of our systems
event-task_preview = One of our systems prepared the correction
event-correction_applied = Correction applied in one of our systems
event-correction_failed = A correction could not be applied

## Kinds of data that can be corrected

category-name = Name
category-email = Email address
category-phone = Phone number
category-address = Postal address

## Consent

consent-granted = Granted
consent-withdrawn = Withdrawn
method-banner = Consent banner
method-preference_centre = Preference centre
method-web_form = Web form
method-api = Through our systems
method-staff = By our staff, at your request
method-gpc = Global Privacy Control signal
storage-cookie = Cookie
storage-local_storage = Local storage
storage-session_storage = Session storage

## Dates

# A calendar date in full, such as 6 December 2026.
date-long = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
# A moment: the date as above and the time of day on the 24-hour clock.
date-time = { $date }, { $time }
