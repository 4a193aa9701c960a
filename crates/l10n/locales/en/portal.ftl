# The public pages: the privacy centre, the request form, confirmation, status and the
# preference centre. Formal register throughout; the reader is a shop's customer.

## Every page

skip-link = Skip to main content
brand-default = Privacy centre
nav-label = Main
nav-rights = Your rights
nav-request = Make a request
nav-choices = Your choices
language-label = Language
footer-law = Requests made here are handled under data protection law.
# What the shop configured about itself, in the footer of every page and email.
footer-controller = Controller: { $name }
footer-dpo = Data protection officer: { $contact }
footer-policy = Privacy policy

## Error pages

error-back = Go to the privacy centre
error-title-too-many = Too many attempts
error-title-not-found = Not found
error-title-forbidden = Not allowed
error-title-gone = Link expired
error-title-server = Something went wrong
error-title-other = This did not work
error-server = Something went wrong on our side. Please try again in a moment.
error-too-many = There have been too many attempts from your network in a short time. Please wait a few minutes and try again.
error-other = This did not work. Please check what you entered and try again.
error-page-missing = This page does not exist.
error-request-missing = We could not find this request. Please open the link from the email we sent you.
error-link-unknown = We do not know this confirmation link. If you already confirmed your request, the status link in our email shows where it stands; if not, please make the request again.
error-link-expired = This link has expired.
error-link-used = This link has already been used, or is not valid.
error-form-expired = This form has expired. Reload the page and try again.
error-page-expired = This page has expired. Open the link from your email again.
error-file-unreadable = The file could not be read. Please try again.
error-server-reference = Something went wrong on our side. Please try again in a moment; if it happens again, give the administrator this reference: { $reference }.
error-upload-large = The upload is larger than { $max } MB.
error-upload-length = The upload must state its length.
error-upload-fields = The form sent more than { $max } fields.
error-upload-field-long = A field of the form is too long.

## Your privacy rights (/privacy)

rights-title = Your privacy rights
rights-lead = You can ask us what we know about you, have it corrected or deleted, take it with you, or tell us to stop selling or sharing it. It is free, and we will answer within the time the law gives us.
rights-what = What you can ask for
rights-access-title = See your data
rights-access-text = Get a copy of the personal data we hold about you, where it came from, why we use it and who we share it with.
rights-access-link = Ask for a copy
rights-correction-title = Correct your data
rights-correction-text = Tell us what is wrong and we will fix it everywhere we hold it.
rights-correction-link = Ask for a correction
rights-deletion-title = Delete your data
rights-deletion-text = Ask us to erase your data. Some records, such as invoices, we must keep by law; we will tell you which and why.
rights-deletion-link = Ask for deletion
rights-portability-title = Take your data elsewhere
rights-portability-text = Receive the data you gave us in a common file format (CSV) you can open or pass on.
rights-portability-link = Ask for your data
rights-optout-title = Stop selling or sharing
rights-optout-text = Californians: tell us not to sell or share your personal information, or to limit the use of sensitive information.
rights-optout-link = Opt out
rights-objection-title = Restrict or object
rights-objection-text = Ask us to pause using your data while a question is settled, or object to a use you do not agree with.
rights-objection-link = Object
rights-how = How it works
rights-step-form = Fill in the short form. It takes about two minutes.
rights-step-email = We email you a link. Open it to confirm the request is yours; this stops anyone else getting your data.
rights-step-work = We work on it and tell you when it is done. You can follow every step from the link in the email.
rights-deadlines = In the EU and the UK we answer within one month (we may extend this by two further months for complex requests, and will tell you why). In California we answer within 45 days.

## The request form

form-title = Make a privacy request
form-lead = We will email you a link to confirm the request is yours. Fields marked optional can be left empty.
form-kind = What would you like to do?
form-jurisdiction = Where do you live?
form-jurisdiction-hint = This decides which law applies and how quickly we must answer.
form-email = Your email address
form-email-hint = The one you use with us, so we can find your data.
form-name = Your name (optional)
form-corrections = Only for corrections
form-corrections-hint = Fill in only what is wrong, with the correct value. We show you and our staff exactly what will change before anything is changed.
form-correct-name = Correct name
form-correct-email = Correct email address
form-correct-phone = Correct phone number
form-correct-address = Correct postal address
form-correction-what = Anything else that is wrong?
form-correction-value = What should it say instead?
form-details = Anything else we should know? (optional)
form-details-hint = For example other email addresses or customer numbers you have used with us.
form-agent = Filing for someone else? (California only)
form-agent-check = I am an authorized agent acting for the person above
form-agent-name = Agent's name
form-agent-email = Agent's email address
form-agent-hint = We will ask the person you act for to confirm the request, and may ask you for proof of your authority.
form-send = Send request

# The summary above a form with mistakes.
errors-title = { $count ->
    [one] Please correct this
   *[other] Please correct these { $count } things
}

## After sending

sent-title = Check your email
sent-received = We have received your request.
sent-received-ref = We have received your request { $reference }.
sent-lead = We sent you an email with a link. Open it within 24 hours to confirm the request is yours; we start as soon as you do.
sent-no-email = No email after a few minutes? Please look in your spam folder.
sent-again = Send the request again

## Confirming by the emailed link

confirm-title = Confirm your request
confirm-lead = Request { $reference }: { $kind }.
confirm-text = Please confirm that you made this request. If you did not, close this page and nothing will happen.
confirm-button = Yes, this is my request

## The request's status page

status-title = Request { $reference }
status-heading = Your request { $reference }
status-confirmed-now = Thank you: your request is confirmed. We have started work on it.
status-confirmed-before = You confirmed this request already; here is where it stands.
status-proof-received = Thank you: we have received your file.
status-received = Received
status-acknowledge-by = We confirm receipt by
status-closed = Closed
status-answer-by = We will answer by
status-extended-from = (extended from { $date })
status-extension-reason = Why we need more time
status-denial = Reason for refusal
status-verify-first = Please open the confirmation link in the email we sent you. We cannot start until you do.
status-ready = Your data is ready.
status-download = Download your data (CSV)
status-download-hint = Available for 30 days after we completed your request. Open it with any spreadsheet program. Each row is one value we hold: where it was kept (store, table, record), what it is (field, data category) and the value itself. When the column “is_null” says “true”, that field holds nothing at all; an empty value with “false” is an empty text.
status-proof-title = Proof of authority
status-proof-text = This request was made by an authorized agent. Please send us proof that you may act for this person, such as a signed permission or a power of attorney.
status-proof-have = Received: { $files }. You may send another file if we asked for more.
status-proof-file = File (PDF, PNG or JPEG, at most 5 MB)
status-proof-send = Send proof
status-corrected-title = What we corrected
status-corrected-yes = { $store } – { $category }: corrected
status-corrected-no = { $store } – { $category }: not corrected
status-corrected-no-because = { $store } – { $category }: not corrected, because { $reason }
status-stores-title = Where we hold your data and why
status-stores-lead = The information the law (GDPR Art. 15(1)) entitles you to, for each of our systems involved in your request.
status-store-what = What it is
status-store-why = Why we use your data
status-store-basis = Legal basis
status-store-categories = Kinds of data
status-store-recipients = Who receives it
status-store-transfers = Transfers outside your country
status-store-retention = How long we keep it
status-store-source = Where it came from
status-store-source-text = From you, when you used our services, unless stated above.
status-consent-title = Your consent records
status-consent-text = When we complete your deletion request, we remove your email address and every other identifier from the records of what you agreed to on our websites. We keep, without anything that identifies you, which notice was shown, what was chosen and when: the law requires us to be able to prove consent (GDPR Art. 7(1)), and this record may be needed to establish or defend legal claims (GDPR Art. 17(3)(e)).
status-timeline = What has happened so far

## The preference centre

prefs-title = Your privacy choices
prefs-check-email = Check your email.
prefs-sent = If { $email } is your address, a link to your choices is on its way. It works once, for 24 hours.
prefs-ask-lead = See what you agreed to, and change it at any time. We email you a link, so only you can open your choices.
prefs-email = Your email address
prefs-email-me = Email me a link
prefs-new-link = Ask for a new link
prefs-open-lead = Open your choices to see and change what you agreed to.
prefs-open = Open my choices
prefs-saved = Your choices were saved.
prefs-changed = A notice changed while you were choosing. Please read it and choose again; nothing was saved for it.
prefs-lead = For { $email }. You can change any choice at any time; withdrawing does not affect what was done before.
prefs-sale = (sale or sharing of personal information)
prefs-notice = Read the notice (version { $version })
prefs-notice-recipients = Read the notice (version { $version }) and who receives the data
prefs-set-by = set by { $provider }
prefs-always-on = Always on: needed for the service to work.
prefs-outdated = The notice changed since your last choice; please choose again.
prefs-yes = Yes, I agree
prefs-no = No
prefs-save = Save my choices
prefs-history = History
prefs-history-hint = Each choice has a receipt: quote it if you ask us about that choice.
prefs-history-label = Your consent history
prefs-col-when = When
prefs-col-purpose = Purpose
prefs-col-choice = Choice
prefs-col-how = How
prefs-col-receipt = Receipt
prefs-notice-version = (notice version { $version })
