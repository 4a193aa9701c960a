# Emails to the person who made a request. Plain text; a blank line separates paragraphs.
# Links and references are inserted where the placeholders stand.

email-greeting = Hello,
email-follow = You can follow your request here at any time:
email-details = You can see the details here:
email-complain = If you disagree with how we handled your request, you have the right to lodge a complaint with a data protection supervisory authority.

## Please confirm (sent when a request is made)

email-verify-subject = Please confirm your privacy request { $reference }
email-verify-body =
    we have received your privacy request { $reference } ({ $kind }).

    To protect your data, please confirm that this request comes from you by opening this link within 24 hours:

    { $link }

    If you did not make this request, you can ignore this email; nothing will happen.
email-verify-due = We will answer by { $due } at the latest.

## More time needed

email-extended-subject = More time is needed for your privacy request { $reference }
email-extended-body =
    we need more time to answer your privacy request { $reference }.

    Reason: { $reason }

    We previously expected to answer by { $old }. We will now answer by { $new } at the latest.

## Something is needed from the person

email-paused-subject = We need something from you: request { $reference }
email-paused-body =
    to continue with your privacy request { $reference } we need something from you:

    { $reason }

    Please reply to this email.

## The request is closed

email-completed-subject = Your privacy request { $reference } has been completed
email-completed-body = we have completed your privacy request { $reference }.
email-package-ready = Your data is ready. You can download it from the page below for 30 days; it is a CSV file that any spreadsheet program opens.
email-withdrawn-subject = Your privacy request { $reference } has been withdrawn
email-withdrawn-body = your privacy request { $reference } has been withdrawn. We will not do anything further with it.
email-denied-subject = Your privacy request { $reference } has been refused
email-denied-body =
    we cannot act on your privacy request { $reference }.

    Reason: { $reason }
email-denied-remedies = You have the right to lodge a complaint with a data protection supervisory authority and to seek a judicial remedy.

## Corrections

email-corrected-subject = Your correction request { $reference }
email-corrected-body = we have dealt with your correction request { $reference }. For each system and kind of data:
email-corrected-yes = - { $store } – { $category }: corrected
email-corrected-no = - { $store } – { $category }: not corrected
email-corrected-no-because = - { $store } – { $category }: not corrected ({ $reason })
email-corrected-none = None of our systems held the data you asked us to correct.

## The preference centre link

email-prefs-subject = Your privacy choices
email-prefs-body =
    someone, probably you, asked for a link to your privacy choices.

    Open this link within 24 hours to see and change what you agreed to:

    { $link }

    The link works once. If you did not ask for it, you can ignore this email; nothing changes.

## A personal data breach (GDPR Art. 34), to the people it may affect

email-breach-subject = Important: a personal data breach ({ $title })
email-breach-intro = We are writing to tell you about a personal data breach that may affect you.
email-breach-what = What happened
email-breach-data = Which information was involved
email-breach-consequences = What this may mean for you
email-breach-measures = What we have done and are doing about it
email-breach-contact = Whom to contact
email-breach-closing = We are sorry. This notice is sent under Article 34 of the General Data Protection Regulation.

## The data package (CSV column headings)

package-store = store
package-table = table
package-record = record
package-field = field
package-category = data_category
package-value = value
package-is-null = is_null
package-true = true
package-false = false
# The name of this privacy portal as a store of the person's data (their requests and consent records).
package-portal = Privacy portal
