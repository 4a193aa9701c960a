# The consent banner on the shop's own pages, its Choose panel, the placeholders of gated
# content and the receipt after saving. Values in braces are filled in by the banner.

banner-title = Your privacy choices
banner-notice-title = Notice at collection
banner-text = We ask before using your information for anything this site does not need to work. You can change your mind at any time with the “Privacy choices” button.
banner-text-optout = This site collects personal information for the purposes under “Choose by purpose”; each purpose’s notice says what is collected, why, and who receives it. Some of them may be a sale or sharing of personal information: you can opt out at any time.
banner-accept = Accept all
banner-reject = Reject all
banner-choose = Choose
banner-choose-purpose = Choose by purpose
banner-save = Save my choices
banner-close = Close
banner-reopen = Privacy choices
# California's statutory link text (Cal. Civ. Code § 1798.135).
banner-dns = Do Not Sell or Share My Personal Information
banner-sale = (sale or sharing of personal information)
banner-always-on = Always on: needed for the service to work.
banner-gpc = Off: your browser's Global Privacy Control signal was honoured
banner-notice = Read the notice and who receives the data
banner-notice-for = for { $purpose }
banner-policy = Privacy policy
banner-manage = Manage choices by email
banner-your-choices-of = Your choices of { $date }, receipt { $receipt }
banner-failed-one = Your choice could not be saved. Please try again.
banner-failed = Your choices could not be saved. Please try again.
banner-saved = Your choices were saved.
banner-saved-on = Your choices were saved on { $date }. Receipt: { $receipt }.
banner-cannot-remove = Cookies set by other companies on their own sites can only be removed in your browser's settings: { $names }.
banner-saved-title = Choices saved
banner-embed = This content is from { $service }. Loading it shares data with { $service }.
banner-embed-purpose = This content is from { $service }. Loading it shares data with { $service } ({ $purpose }).
banner-load = Load content
banner-another-company = another company
