## trame's messages in English. The ids (left) are the same in every language; `tests/l10n.rs`
## checks that both catalogues have the same messages with the same arguments.

## Common words

did-you-mean = did you mean `{ $name }`?
takes = { $what } takes: { $keys }
unknown-key = unknown key `{ $key }` in { $what }
found = found { $found }
unit-characters = { $count } { $count ->
    [one] character
   *[other] characters
}
kind-nothing = nothing
kind-bool = a true/false value
kind-number = a number
kind-text = a text
kind-list = a list
kind-map = a map
kind-tagged = a tagged value
found-text = the text "{ $text }"
found-number = the number { $number }
found-bool = `{ $value }`
expect-text = a text
expect-texts = a list of texts
expect-bool = `true` or `false`
expect-number = a number
expect-whole-number = a whole number (0 or more)
expect-integer = a whole number
expect-list = a list (lines starting with `- `)
expect-map = a map of `key: value` lines
expect-network-map = a map of network ids
expect-contact-map = a map of contacts
expect-handle-map = a map of handles per network
what-front-matter = the front matter
what-items = `{ $field }` items

## YAML

yaml-syntax = YAML syntax error: { $detail }
yaml-syntax-colon = a `: ` inside a value without quotes: YAML reads it as a new key. Put the value in quotes, e.g. `title: "Fair: 3 days to go"`
yaml-syntax-colon-place = a `:` out of place: after a key, write a colon then a space (`title: …`), and quote a value that holds `:`
yaml-syntax-tab = a tab used for indentation: YAML only takes spaces. Replace the tab with two spaces
yaml-syntax-quote = a quote opened and never closed: add the closing `"`
yaml-syntax-bracket = a list in brackets not closed properly: check the `[` `]` and the commas
yaml-syntax-brace = a map in braces not closed properly: check the `{"{"}` `{"}"}` and the commas
yaml-syntax-indent = a line out of step: keys of one level start at the same column, and so do the `- ` items of a list
yaml-many-documents = more than one YAML document (a `---` line too many?)
yaml-duplicate-key = duplicate key `{ $key }` (already set on line { $line })
yaml-too-deep = YAML nested more than { $depth } levels deep
yaml-alias-bomb = too many aliases expanded (alias bomb?)
yaml-not-a-map = { $what } must be a map of `key: value` lines, found { $found }
yaml-not-a-map-help = write one `key: value` per line, indented under it
field-problem = `{ $field }`: { $problem }
field-type = `{ $field }` must be { $expected }, found { $found }
field-type-help = write `{ $key }:` as { $expected }
item-not-text = `{ $field }` item { $n } must be a text, found { $found }
item-not-map = `{ $field }` item { $n } must be a map, found { $found }
item-not-map-help = write each item as `- {"{"} { $example } {"}"}`
item-problem = `{ $field }` item { $n }: { $problem }
item-takes = an item takes: { $keys }
hint-boolean = in YAML, yes and no are written `true` and `false`: `{ $key }: { $value }`
hint-comma-list = a list is written in brackets or one item per line: `{ $key }: [{ $list }]`
serde-invalid-type = { $found }, expected { $expected }
serde-invalid-value = { $found }, expected { $expected }
serde-unknown-variant = unknown value { $found }; the values are: { $expected }
serde-missing-field = the field { $field } is missing

## trame.yaml

config-not-utf8 = trame.yaml is not UTF-8 text
config-not-utf8-help = save the file as UTF-8 in your editor
config-language = language `{ $language }` is not supported
config-language-help = use `fr` or `en`
config-timezone = unknown time zone `{ $zone }`
config-timezone-help = use an IANA time zone name such as Europe/Paris
config-base-url = base_url `{ $url }` is not an http(s) address
config-base-url-help = write the full address, without spaces, query or #, e.g. https://example.org/calendar/
config-cadence = cadence `{ $cadence }` for { $network } is not a frequency
config-cadence-help = write a number of posts per day, week or month: `3/week`
config-utm-campaign-from = utm.campaign_from `{ $value }` is not supported
config-utm-campaign-from-help = `campaign_from: campaign` takes each post's campaign id
config-rules-code = `rules:` names an unknown diagnostic code `{ $code }`
config-rules-code-help = see the diagnostic codes in the README
config-rules-level = `{ $level }` is not a severity (rule `{ $code }`)
config-rules-level-help = use error, warning, info or off
config-network-not-map = network `{ $network }` must be a map, found { $found }
config-network-not-map-help = write `{ $network }: {"{"} handle: "@you" {"}"}` or leave it empty
config-network-takes = a network takes: { $keys }
config-network-key = unknown key `{ $key }` for network `{ $network }`
config-network-custom = `{ $network }` is not a built-in network: it is taken as a custom one
config-network-invalid = network `{ $network }`: { $problem }
config-network-invalid-help = counting is one of { $counting }; placement one of inline, end, first_comment; links one of text, bio, field, first_comment
network-unknown = unknown network `{ $network }`
network-unknown-help = the networks are: { $networks }; define a custom one under `networks:` in trame.yaml (label, max_length, counting)

## Files of content/

file-unknown-folder = trame does not read the folder { $folder }/
file-unknown-folder-close = did you mean content/{ $folder }/? trame reads { $known }
file-unknown-folder-help = trame reads { $known }: move the files into one of them
file-outside-folders = trame does not read { $file }: it is in no content folder
file-outside-folders-help = move it into one of { $known }
file-control-character = an invisible control character ({ $code }) is here
file-control-character-help = delete it (it often comes from a copy and paste); trame leaves it out of what it writes
file-read-folder = cannot read: { $error }
file-read-folder-help = check the folder's permissions
file-too-large = the file is { $size } MB: trame reads content files up to { $cap } MB
file-too-large-help = a post is a few kilobytes: is this the right file? Put big files under media/
file-outside = this file is a link to a file outside the project: trame does not read it
file-outside-help = copy the file into the project instead of linking to it
file-read = cannot read the file: { $error }
file-read-help = check that it is a Markdown text file and that you may read it
file-binary = this is a binary file, not Markdown text
file-binary-help = only Markdown (.md) text files belong in content/: move images to media/
file-encoding = the file is not UTF-8 text (an invalid byte is here)
file-encoding-help = save the file as UTF-8 in your editor (often Latin-1 / Windows-1252 slipped in)
file-name-control-character = the file name holds an invisible control character (a line break, a tab, ESC…)
file-name-control-character-help = rename the file with letters, digits and dashes only

## Front matter

frontmatter-empty-file = the file is empty
frontmatter-empty-file-help = start the file with a front matter block: a `---` line, `title: …`, and a closing `---` line
frontmatter-no-start = the file does not start with a `---` front matter line
frontmatter-no-start-help = add a line `---` at the very top, the `key: value` lines, then another `---` line before the text
frontmatter-not-closed = the front matter opened here is never closed
frontmatter-not-closed-help = add a line with only `---` after the last `key: value` line, before the text
frontmatter-tab = this line is indented with a tab: the front matter needs spaces
frontmatter-tab-help = replace the tab with spaces (two spaces per level), as the other lines are
frontmatter-colon = the value of `{ $key }` holds ": ", which the front matter takes for the start of another key
frontmatter-colon-help = put the value in quotes: `{ $key }: "{ $value }"`
frontmatter-syntax-help = check the indentation and the `key: value` form of this line; quote values that contain `: ` or start with a special character
field-missing = `{ $key }` is missing or empty ({ $what })
field-missing-help = add a line `{ $key }: …` to the front matter

## Dates

date-invalid = `{ $date }` is not a valid date: { $reason }
date-invalid-help = write 2026-12-03, 2026-12-03T09:30 (in the project's time zone) or 2026-12-03T09:30:00+01:00
date-day-first = `{ $date }` is written day first: trame reads dates year-month-day
date-day-first-help = write `{ $iso }`
date-gap = { $time } does not exist in { $zone }: clocks jump forward that night (from UTC{ $before } to UTC{ $after })
date-gap-help = pick another time, e.g. { $later }
date-fold = { $time } happens twice in { $zone } (clocks go back from UTC{ $before } to UTC{ $after }): trame takes the first one
date-fold-help = add the offset to choose, e.g. { $example }

## Posts, calendar entries, audits

what-post = a post
what-post-title = the post's internal title
what-entry = a calendar entry
what-entry-title = the entry's title
what-audit = an audit note
what-audit-title = the audit's title
what-veille = a veille note
what-veille-title = the veille note's title
what-veille-source = source no. { $n } of `veille.sources`
veille-choice = `{ $key }: { $value }` is not a known value
veille-choice-help = `{ $key }` takes one of: { $names }
veille-kind-missing = a veille note needs `kind`: metier, sectorielle, concurrentielle or e-reputation
veille-kind-missing-help = add a line `kind: sectorielle` (or metier, concurrentielle, e-reputation)
veille-date-missing = a veille note needs `date`: the day the item was published at its source
veille-date-missing-help = add a line `date: 2026-11-24`
veille-unknown-note = no veille note has the id `{ $id }`
veille-unknown-note-help = a note's id is its file name without `.md`, in content/veille/; `trame veille` creates them, and so does `trame new veille`
veille-alert = { $count } negative e-reputation notes within 24 hours (threshold: { $limit }), from { $from } to { $to }: a crisis may be starting
veille-alert-help = read these notes and warn the team; once the crisis is handled, set them to `status: archived`; if this pace is normal for you, raise `veille.alert` in trame.yaml
config-links-exclude = `{ $pattern }` is not a valid regular expression
config-links-exclude-help = { $problem }
config-links-max-age = `{ $key }: { $value }` is not a duration
config-links-max-age-help = write a number followed by s (seconds), m (minutes), h (hours), d (days) or w (weeks): `{ $key }: 7d`
config-veille-alert = `alert: { $value }` is not a number of notes
config-veille-alert-help = write a whole number: `alert: 3` warns from the fourth negative note within 24 hours
config-veille-source-field = source no. { $n } of `veille.sources` has no `{ $key }`
config-veille-source-help = a source is written `- { "{" } id: sports-press, kind: sectorielle, url: "https://…/rss" { "}" }`
config-veille-source-duplicate = two sources of `veille.sources` have the id `{ $id }`
config-veille-source-duplicate-help = give each source its own id: notes keep it in `source`
config-veille-source-url = source `{ $id }` has no valid http(s) address in `url`
config-veille-source-url-help = copy the full address of the RSS, Atom or JSON Feed, starting with https://
post-networks-empty = `networks` is empty
post-networks-empty-help = list at least one network: `networks: [linkedin, instagram]`
post-networks-missing = a post needs `networks`: where it is published
post-networks-missing-help = add a line `networks: [linkedin, instagram]` to the front matter
post-status = `{ $status }` is not a status
post-status-help = the statuses are: { $statuses }
entry-kind = `{ $kind }` is not a kind of entry
entry-kind-help = use campaign, event or key-date
entry-date-missing = a calendar entry needs a `date`
entry-date-missing-help = add a line `date: 2026-12-03` to the front matter
entry-end-before = `end` ({ $end }) is before `date` ({ $date })
entry-end-before-help = swap the two dates, or fix the end
entry-kpi = KPI `{ $kpi }` must be a target number, found { $found }
entry-kpi-help = write the target as a number: `clicks: 500`, `engagement_rate: 0.04`
audit-date-missing = an audit note needs a `date`
audit-date-missing-help = add a line `date: 2026-11-24` (the day of the audit) to the front matter
section-not-closed = the `::: { $network }` section is never closed
section-not-closed-help = add a line with only `:::` where the section ends
section-not-published = a `::: { $network }` section, but the post is not published on { $network }
section-not-published-help = add `{ $network }` to `networks`, or remove the section
variant-not-published = `variants` has an entry for { $network }, but the post is not published on { $network }
variant-not-published-help = add `{ $network }` to `networks`, or remove this entry
contact-unknown = `@[{ $key }]` names no contact
contact-unknown-help = add `{ $key }:` under `contacts:` in trame.yaml, with its handle per network
media-focus = `{ $focus }` is not a focus trame can use: the previews crop around the centre
media-focus-help = write one or two of left, center, right, top, bottom, or percentages: `focus: top`, `focus: 50% 30%`
hashtag-spaces = `{ $tag }` is not a hashtag: a hashtag is one word
hashtag-spaces-help = write `{ $fix }`
hashtag-empty-help = remove the empty hashtag
link-scheme = `{ $url }` is not a web or mail address: it is not linked on the site
link-scheme-help = write the full address, starting with https:// (or mailto: for an e-mail address)
campaign-not-campaign = `{ $id }` is a calendar entry of kind { $kind }, not a campaign
campaign-not-campaign-help = set `kind: campaign` in { $file }, or name another campaign
campaign-unknown = no campaign `{ $id }` in content/calendar
campaign-unknown-help = create content/calendar/{ $id }.md with `kind: campaign`, or fix the name
date-far = { $date } is more than { $years } years from today: the calendar shows its month alone
date-far-help = check the year (a typo?); plans further ahead than that belong in a note
error-at-review = an error once the post is in review
duplicate-id = the id `{ $id }` is already used by { $first }
duplicate-id-page = the id `{ $id }` is already used by { $first }: this file's page is { $page }
duplicate-id-help = ids come from file names: rename one of the two files
workflow-date-missing = the post is `{ $status }` but has no `date`
workflow-date-missing-help = add `date: 2026-12-03T09:30` (when it goes out), or set the status back to `review`
workflow-reviewer-missing = the post is `{ $status }` but nobody reviewed it
workflow-reviewer-missing-help = add `reviewer: <name>` (someone other than the author), or set the status back to `review`
workflow-self-review = { $person } is both the author and the reviewer
workflow-self-review-help = ask a colleague to proof-read the post and set them as `reviewer`
workflow-overdue = the date ({ $date }) is past and the post is still `{ $status }`
workflow-overdue-help = set `status: published` if it went out, or move it to a new date

## Cadence

cadence-one = { $per ->
    [day] { $from }
    [week] week of { $from } to { $to }
   *[month] { $from }
}: { $have } { $network } { $have ->
    [one] post
   *[other] posts
} planned, the cadence is { $target } a { $per }
cadence-run = { $network }: { $periods } { $per }s below { $target } { $target ->
    [one] post
   *[other] posts
} a { $per }, { $from } to { $to }
cadence-help = plan { $missing } more { $network } { $missing ->
    [one] post
   *[other] posts
} { $periods ->
    [one] that { $per }
   *[other] over those { $per }s
}, or lower the cadence (`cadence` in trame.yaml)

## Network rules

amount = { $count } { $unit ->
    [weighted] { $count ->
        [one] weighted character
       *[other] weighted characters
    }
    [bytes] { $count ->
        [one] byte
       *[other] bytes
    }
    [utf16] { $count ->
        [one] character (UTF-16)
       *[other] characters (UTF-16)
    }
   *[characters] { $count ->
        [one] character
       *[other] characters
    }
}
variant-empty = the { $network } variant has no text
variant-empty-help = write the shared text below the front matter, or a `::: { $network }` section
variant-too-large = the { $network } text is { $chars } characters: trame keeps the first { $kept } in the previews and .txt files
variant-too-large-help = is the whole file pasted in the post? Keep the text a network shows, the rest in a note
thread-part-length = part { $part }/{ $parts } of the thread is { $length }, the limit is { $limit }
thread-part-length-help = a sentence longer than one post cannot be split: cut it in two
length = the { $network } text is { $length }, the limit is { $limit }
length-help = cut { $over }, or write a shorter version in a `::: { $network }` section
length-thread-help = cut { $over }, write a shorter `::: { $network }` section, or set `variants: {"{"} { $network }: {"{"} thread: true {"}"} {"}"}` to split it into a thread
length-section-help = shorten the text, or write a shorter version in a `::: { $network }` section
fold = the first sentence is { $length } characters: { $network } shows about { $fold } before "see more"
fold-help = put the hook in the first { $fold } characters
hashtag-count = { $count } hashtags on { $network }, which allows or advises at most { $max }
hashtag-count-help = keep the { $max } most relevant, or give { $network } its own list: `variants: {"{"} { $id }: {"{"} hashtags: [...] {"}"} {"}"}`
link-not-clickable = { $network } does not make links in the text clickable: { $url }
link-not-clickable-help = put the link in `link:`: trame gives it to { $network } as a separate field
link-not-clickable-bio-help = put the link in `link:` (trame writes "link in bio") and in the profile
link-count = { $count } different links, { $network } accepts at most { $max }
link-count-help = keep the most important links
title-missing = { $network } needs a title, and this post has none
title-missing-help = write the post's `title:`, or the one { $network } shows: `variants: {"{"} { $id }: {"{"} title: "…" {"}"} {"}"}`
title-length = the { $network } title is { $length } characters, the limit is { $limit }
title-length-help = give { $network } a shorter title: `variants: {"{"} { $id }: {"{"} title: "…" {"}"} {"}"}`

## Media

media-required = { $network } posts need an image or a video
media-required-help = add `media: [{"{"} path: media/…, alt: "…" {"}"}]`, or remove this network
media-count = { $count } media files, { $network } takes at most { $max }
media-count-help = choose { $max }, or give { $network } its own list: `variants: {"{"} { $id }: {"{"} media: [...] {"}"} {"}"}`
alt-length = the alt text is { $length } characters, { $network } accepts { $max }
alt-length-help = describe what matters in the image in fewer words
alt-missing = { $path } has no alt text ({ $networks } { $count ->
    [one] reads
   *[other] read
} it to blind and partially sighted people)
alt-missing-help = add `alt: "…"` describing the image
media-video-only = { $path } is an image; { $network } publishes videos only
media-video-only-help = give { $network } a video: `variants: {"{"} { $id }: {"{"} media: [{"{"} path: media/….mp4 {"}"}] {"}"} {"}"}`
media-image-format = { $path } is a { $format } image; { $network } takes { $formats }
media-video-format = { $path } is a { $format } video; { $network } takes { $formats }
media-format-help = export it as { $format }
media-ratio = { $path } is { $size } ({ $ratio }); { $network } shows { $accepted } and will crop it
media-ratio-image-help = crop the image to an accepted ratio, or set `focus:` to say what to keep
media-ratio-video-help = reframe the video to an accepted ratio
ratio-range = { $min } to { $max }
media-size = { $path } weighs { $size }; { $network } takes at most { $max }
media-size-image-help = export it again smaller (a lower quality or fewer pixels)
media-size-video-help = export it again with a lower bit rate or resolution
megabytes = { $size } MB
gigabytes = { $size } GB
video-too-short = { $path } lasts { $duration }; { $network } takes videos of at least { $limit }
video-too-short-help = use a longer video
video-too-long = { $path } lasts { $duration }; { $network } takes videos of at most { $limit }
video-too-long-help = cut the video, or publish a shorter version on this network
poster-video = the poster { $path } is a video
poster-video-help = a poster is the still image shown before the video plays: give a JPEG or PNG
logo-video = the logo { $path } is a video
logo-video-help = give an image: SVG, PNG or JPEG
media-outside = { $path } is outside the project
media-outside-help = copy the file into media/ and write its path from the project root: `media/…`
media-not-found = { $path } does not exist
media-not-found-help = paths are relative to the project root (where trame.yaml is): check the folder and the spelling
media-folder = { $path } is a folder, not a file
media-folder-help = name the image file inside that folder
media-unreadable = { $path } cannot be read: { $reason }
media-unreadable-help = export it again as JPEG, PNG or MP4
media-unknown-video = { $path } is not a video format trame knows (MP4, MOV, WebM, MKV, AVI)
media-unknown-format = { $path } is not an image or video format trame knows (JPEG, PNG, GIF, WebP, MP4, MOV…)

## Editorial charter

what-charter = the charter
what-rule = rule { $n }
what-rule-of-type = a `{ $kind }` rule
charter-not-utf8 = the charter is not UTF-8 text
charter-unreadable = cannot read the charter { $file }: { $error }
charter-unreadable-help = create the file, or remove `charter:` from trame.yaml
charter-types = the rule types are: { $types }
charter-no-type = this rule has no `type`
charter-unknown-type = unknown rule type `{ $kind }`
charter-no-id = this rule has no `id`
charter-no-id-help = add `id: <name>`: its diagnostics are `charter/<name>`
charter-duplicate-id = two rules have the id `{ $id }`
charter-duplicate-id-help = give each rule its own id
charter-severity = `{ $level }` is not a severity
charter-severity-help = use error, warning or info
charter-network-help = use the ids of trame.yaml's networks
charter-address-form = `{ $form }` is not a form of address
charter-address-form-help = use `vous`, `tu` or `consistent`
charter-address-vous = `{ $word }`: the charter uses vouvoiement
charter-address-vous-help = address the reader as « vous » (vous, votre, vos)
charter-address-tu = `{ $word }`: the charter uses tutoiement
charter-address-tu-help = address the reader as « tu » (tu, ton, ta, tes)
charter-address-mixed = `{ $word }` mixes tutoiement and vouvoiement in one text
charter-address-mixed-vous-help = the rest of the text says « vous »: keep one form
charter-address-mixed-tu-help = the rest of the text says « tu »: keep one form
charter-alt-missing = { $path } has no alt text
charter-alt-missing-help = add `alt: "…"` describing what the image shows
charter-alt-file-name = the alt text of { $path } is its file name
charter-alt-file-name-help = describe what the image shows, for people who cannot see it
charter-alt-short = the alt text of { $path } is { $length } characters, the charter asks for at least { $min }
charter-alt-short-help = say who or what is in the image, and what is happening
charter-caps = { $count } words in capitals, the charter allows { $max }
charter-caps-help = write in lower case: capitals read as shouting (add acronyms to `allow`)
charter-emoji = { $count } emoji, the charter allows { $max }
charter-emoji-help = keep the { $max } that say the most
charter-exclamation = { $count } exclamation marks, the charter allows { $max }
charter-exclamation-help = end some sentences with a full stop
charter-regex = a pattern does not compile: { $error }
charter-regex-help = check the regular expression, or remove `regex: true` to match the terms literally
charter-forbidden = `{ $term }` is a forbidden term
charter-forbidden-help = rephrase without this term (see the charter)
charter-required-from = `required_from: { $value }` is not supported
charter-required-from-help = use `required_from: campaign`: each post needs its campaign's hashtag
charter-hashtag-missing = the hashtag { $tag } is missing
charter-hashtag-missing-help = add `{ $tag }` to `hashtags`
charter-hashtag-banned = { $tag } is a banned hashtag
charter-hashtag-banned-help = remove it
charter-hashtag-camel = { $tag } runs several words together in one case
charter-hashtag-camel-help = capitalise each word (#MarcheActive) so screen readers can read it
charter-shortener = { $host } is a link shortener: readers cannot see where it goes
charter-shortener-help = paste the full link; trame adds the UTM tags
charter-utm = the link { $url } has no UTM parameters
charter-utm-help = put it in `link:` (trame tags it per network), or add utm_source, utm_medium, utm_campaign
charter-day = `{ $day }` is not a day
charter-day-help = use mon, tue, wed, thu, fri, sat, sun
charter-hours = `{ $hours }` is not a range of hours
charter-hours-help = write it "08:00-20:00"
charter-posting-day = { $date } is outside the posting days
charter-posting-day-help = move the post to { $days }
charter-posting-hours = { $time } is outside the posting hours ({ $from }–{ $to } { $zone })
charter-posting-hours-help = schedule it between { $from } and { $to }
charter-preferred-use = this rule needs `use`: the term to write
charter-preferred-use-help = add `use: courriel`
charter-preferred = write `{ $term }` rather than `{ $found }`
charter-preferred-help = replace `{ $found }` with `{ $term }`
charter-spelling-of = `{ $found }` is written `{ $right }`
charter-spelling-of-help = write `{ $right }`
charter-apostrophe-style = `{ $style }` is not an apostrophe style
charter-apostrophe-style-help = use `curly` (’), `straight` (') or `any`

## Typography

typo-ellipsis = three dots instead of an ellipsis
typo-ellipsis-help = write `…` (one character)
typo-nbsp = a no-break space (U+00A0)
typo-nnbsp = a narrow no-break space (U+202F)
typo-space-before = an ordinary space before `{ $mark }`: it can break the line
typo-space-before-help = replace the space before `{ $mark }` with { $want }
typo-wide-space = a wide no-break space before `{ $mark }`
typo-wide-space-help = use { $want }
typo-no-space = no space before `{ $mark }`
typo-no-space-help = add { $want } before `{ $mark }`
typo-open-quote = « must be followed by a no-break space
typo-open-quote-help = write « then a no-break space (U+00A0 or U+202F)
typo-close-quote = » must follow a no-break space
typo-close-quote-help = write a no-break space (U+00A0 or U+202F) before »
typo-straight-apostrophe = a straight apostrophe (')
typo-straight-apostrophe-help = use the typographic apostrophe ’
typo-curly-apostrophe = a curly apostrophe (’)
typo-curly-apostrophe-help = use the straight apostrophe '
charter-needs-terms = this rule needs `{ $key }`: a list of terms
charter-needs-terms-help = add `{ $key }: [term, "another term"]`
charter-max-whole = `max` must be a whole number
charter-max-whole-help = write `max: 2`
charter-needs-max = this rule needs `max`
charter-needs-max-help = add `max: 2`

## Spelling

spelling-words-unreadable = cannot read the word list { $file }: { $error }
spelling-words-unreadable-help = create the file (one word per line), or remove `words:`
spelling-dictionary-unreadable = the dictionary { $name } cannot be read: { $error }
spelling-no-dictionary = no Hunspell dictionary `{ $name }` found: spelling is not checked
spelling-no-dictionary-help = install Debian's dictionaries (apt-get install hunspell-fr hunspell-en-us), or set `dictionary:` to the path of a .dic/.aff pair
spelling-unknown = `{ $word }` is not in the dictionary
spelling-no-suggestion = check the spelling, or add the word to the charter's word list
spelling-suggestions = did you mean { $words }? (or add the word to the word list)
config-rules-charter = `rules:` names `{ $key }`, but the charter has no rule `{ $id }`
config-rules-charter-help = the charter's rule ids are in charter.yaml
output-conflict = two pages would be written to { $path } ({ $first } and { $second }): the second is not written
output-conflict-help = this is a bug in trame: please report it with the names of the two files

## Output of trame check

label-error = error
label-warning = warning
label-info = info
label-help = help
summary = { $files } { $files ->
    [one] file
   *[other] files
} checked: { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}, { $infos } { $infos ->
    [one] info
   *[other] infos
}
counts-by-code = By code:
counts-by-file = By file:
n-errors = { $count } { $count ->
    [one] error
   *[other] errors
}
n-warnings = { $count } { $count ->
    [one] warning
   *[other] warnings
}
n-infos = { $count } { $count ->
    [one] info
   *[other] infos
}

## Command line

cli-today = `{ $date }` is not a date: write it YYYY-MM-DD, e.g. 2026-12-03
cli-created = created { $path }
cli-init-done = A trame project is ready in { $dir }.
    Next: `trame check` to check it, `trame build` to write the calendar.
cli-new-done = Created { $path }: open it and write the text.
veille-not-a-feed = it is not a readable RSS, Atom or JSON Feed ({ $problem })
veille-status = the server answers { $status }
veille-too-large = the feed is larger than { $mb } MB
veille-feed = source `{ $id }` could not be read: { $problem }
veille-feed-help = open { $url } in a browser: a feed shows XML or JSON, not a web page; fix `url` in `veille.sources` if the address changed. The other sources were read.
link-redirect = `{ $url }` redirects to { $to }
link-redirect-help = write the final address instead: one redirect less, and the link no longer depends on the old one
link-dead = `{ $url }` answers { $status }: the link is dead
link-dead-help = open it in a browser; if the page moved, write its new address, else remove the link (or add the address to `links.exclude` if it only opens once logged in)
link-unreachable = `{ $url }` does not answer: { $reason }
link-unreachable-help = check the address (a typo in the site's name?) and try again later: the site may be down
link-rate-limited = the site refuses too many requests in a row (429), even after waiting
net-timeout = no answer in time
net-host-not-found = no site has this name (DNS)
net-connection-failed = the connection is refused
net-redirects = more than { $max } redirects: the page goes round in circles
net-other = { $problem }
cli-veille-no-sources = trame.yaml has no veille source
cli-veille-no-sources-help = add `veille:` with its `sources` (RSS, Atom or JSON feeds) to trame.yaml
cli-veille-unknown-source = `veille.sources` has no source `{ $id }`
cli-veille-summary = veille: { $sources } sources read ({ $unchanged } with nothing new, { $failed } failed), { $written } new notes, { $known } already seen, { $filtered } without a watched word, in { $seconds } s
cli-links-summary = links: { $urls } addresses checked ({ $places } places, { $cached } cached, { $excluded } excluded), in { $seconds } s
progress-veille = veille sources read
progress-links = addresses checked
cli-new-from-note = From the veille note “{ $title }” ({ $source }): keep the idea, write it in your own words.
cli-new-veille-kind = a veille note needs its kind: `--kind`
cli-new-veille-kind-help = trame new veille "Title" --kind sectorielle (kinds: { $kinds })
cli-build-errors = Nothing written: fix the errors above (or run `trame build --force` to write anyway).
    The previous output, if any, is untouched.
cli-built = Built { $files ->
    [one] { $files } file
   *[other] { $files } files
} into { $dir } in { $ms } ms ({ $written } written, { $unchanged } unchanged, { $removed } removed)
cli-networks = the networks are: { $networks }
cli-count-fits = { $network }: { $length } of { $limit } (fits)
cli-count-over = { $network }: { $length } of { $limit } (too long or invalid)
cli-count-no-limit = { $network }: { $length } (no limit)
cli-port-in-use = Port { $port } is in use: serving on port { $other } instead.
cli-bind-public = the preview listens on { $address }: other computers of the network can see it, drafts included.
cli-bind-public-help = leave out --bind to keep it on this computer
cli-config-errors = { $file } has errors: nothing was checked or written.
cli-check-no-match = `{ $path }` matches no file of the project
cli-check-no-match-help = name a file or a folder of the project, such as content/posts
cli-checked-in = checked in { $ms } ms
progress-reading = reading and checking the project…
progress-rendering = rendering the site of { $files ->
    [one] { $files } file
   *[other] { $files } files
}…
progress-writing = writing { $files ->
    [one] { $files } file
   *[other] { $files } files
}…
watch-first-build = first build
watch-change = change
watch-file-changed = { $file } changed
watch-files-changed = { $count } files changed
watch-built = Built in { $ms } ms: { $written ->
    [one] { $written } file written
   *[other] { $written } files written
}, { $removed } removed ({ $rendered } rendered, { $unchanged } unchanged) in { $dir }
watch-rebuilt = Rebuilt in { $ms } ms: { $written ->
    [one] { $written } file written
   *[other] { $written } files written
}, { $removed } removed ({ $rendered } rendered, { $unchanged } unchanged) in { $dir }
watch-failed = Nothing written: { $dir } keeps the last good build. Fix the problem and save; trame rebuilds by itself.
watch-serving = Serving { $url } · watching for changes (Ctrl-C to stop)
watch-watching = Watching for changes (Ctrl-C to stop)
watch-stopped = Stopped. { $dir } holds the last build.
serve-errors = { $count } { $count ->
    [one] error
   *[other] errors
} in the content (details: Diagnostics page)
serve-failed = The rebuild failed: the page shows the last good version

## Unreadable files

io-not-found = the file does not exist
io-permission = you may not read it
io-folder = this is a folder, not a file
io-special = this is not a regular file (a device, a pipe or a socket)
io-too-large = the file is { $size } bytes, more than the { $cap } bytes trame reads

## What each diagnostic code means (the site's Diagnostics page)

code-config-syntax = trame.yaml or charter.yaml is not valid YAML
code-config-unknown-key = a key trame does not know in trame.yaml (with a "did you mean"), or an unknown code in `rules:`
code-config-invalid = a value of trame.yaml or charter.yaml that trame cannot use
code-file-read = a content file or folder that cannot be read
code-file-encoding = a content file that is not UTF-8 text
code-file-too-large = a content file over 4 MB
code-file-unknown-folder = a folder (or file) in content/ that trame does not read: not posts, calendar, audits or veille
code-file-control-character = an invisible control character (ESC, U+000B…) in a file: it is left out of what trame writes
code-frontmatter-missing-delimiter = no `---` block at the top of the file, or one never closed
code-frontmatter-syntax = the front matter is not valid YAML
code-frontmatter-missing-field = a required field is missing or empty
code-frontmatter-type = a field has the wrong type (a list where a text is expected…)
code-frontmatter-date = a date that is not ISO 8601, or a local time that does not exist (DST)
code-frontmatter-unknown-key = a key trame does not know (with a "did you mean"); a team's own fields go under `extra:`
code-frontmatter-duplicate-id = two files of one kind with the same name (ids come from file names)
code-frontmatter-invalid = a value of the right type that trame cannot use (a hashtag with spaces…)
code-frontmatter-link-scheme = a link that is not an http(s) or mailto address: it is not linked on the site
code-network-unknown = a network id neither built in nor in trame.yaml (in `networks`, a `::: section` or `variants`)
code-network-length = the variant is longer than the network allows
code-network-thread-part-length = a thread part is still too long
code-network-fold = the first sentence does not fit before the "see more" fold
code-network-hashtag-count = more hashtags than the network allows or advises
code-network-link-not-clickable = a URL in the text of a network that does not make it a link (Instagram)
code-network-link-count = more links than the network accepts
code-network-media-required = the network needs an image or a video
code-network-media-count = more media files than the network takes
code-network-media-ratio = an image the network will crop (aspect ratio)
code-network-media-format = an image or video format the network does not take
code-network-media-size = a media file larger than the network takes
code-network-video-length = a video shorter or longer than the network takes
code-network-alt-missing = an image without alt text on a network that reads it out
code-network-alt-length = an alt text longer than the network accepts
code-network-title-length = a title longer than the network accepts (YouTube, Pinterest)
code-network-title-missing = a network that needs a title (YouTube) and a post without one
code-variant-unknown-contact = `@[key]` with no such contact in trame.yaml
code-variant-unclosed-section = a `::: network` section without its closing `:::`
code-variant-section-not-published = a section or `variants` entry for a network the post is not published on
code-variant-empty = a variant with no text
code-variant-too-large = a text of over 100,000 characters (no network takes one): previews and .txt files keep its start
code-media-not-found = a media file that does not exist (or is a folder)
code-media-outside-project = a media path that leaves the project folder
code-media-unreadable = a media file that is not an image or video trame can read
code-workflow-date-missing = a post approved or later without a date
code-workflow-reviewer-missing = a post approved or later without a reviewer
code-workflow-self-review = the reviewer is the author
code-workflow-overdue = a date in the past on a post that is not published
code-calendar-unknown-campaign = a post names a campaign that does not exist
code-calendar-cadence = periods below the `cadence` target for a network: one diagnostic per run of periods ("3 weeks below 2 posts a week")
code-calendar-kpi-unknown = a campaign KPI (`kpis`) that trame cannot compute
code-metrics-syntax = a results file that cannot be read, or a row without the header's columns
code-metrics-unknown-format = a results file whose columns match no known export
code-metrics-value = a results cell that is not a number, a date or a network
code-metrics-unknown-post = a result row that matches no post (it still counts in the network's totals)
code-metrics-ambiguous = a result row that matches several posts
code-veille-unknown-note = a post's `sources` names a veille note that does not exist
code-veille-alert = more negative e-reputation notes within 24 hours than `veille.alert` allows
code-veille-feed = `trame veille`: a source that cannot be fetched or read
code-link-dead = `check --links`: the address answers with an error (4xx or 5xx)
code-link-unreachable = `check --links`: the address does not answer (unknown name, TLS, connection, timeout)
code-link-redirect = `check --links`: the address redirects elsewhere (the message gives the final address)
code-export-unsupported = `trame export`: the tool's format cannot carry this post (network, thread, date, media); it is not exported
code-export-not-carried = `trame export`: part of the post (media, first comment, title, link) does not fit in the file and is added in the tool
code-output-conflict = two generated files would have one path (a bug in trame): the second is not written

## Errors that stop a command

err-no-project = no trame.yaml found in { $dir } or any folder above it
err-no-project-help = run `trame init` to create a project here, or pass --root DIR
err-no-project-at = no trame.yaml in { $dir }
err-no-project-at-help = --root names the project's folder, the one that holds trame.yaml; run `trame init` there to create a project
err-read = cannot read { $path }: { $reason }
err-write = cannot write { $path }: { $reason }
err-unsafe-path = refusing to write `{ $path }`: generated paths must stay inside the output folder
err-output-is-project = refusing to use { $dir } as the output folder: it is (or contains) the project itself
err-output-is-project-help = choose a folder of its own, such as `output`
err-would-overwrite = { $dir } holds files trame did not write, where the site goes: { $files }
err-would-overwrite-help = move them away, choose an empty output folder, or run `trame build --force` to replace them
err-exists = { $path } already exists: trame never overwrites a file
err-exists-help = choose another title, or delete the file first
err-already-project = { $dir } already holds a trame project (trame.yaml)
err-already-project-help = run trame in it, or init another folder
err-template = template { $name }: { $problem }
err-template-help = fix the template, or delete it to use trame's default
err-watch-start = cannot start watching files: { $reason }
err-watch-start-help = try `--poll`, which scans the disk instead
err-watch = cannot watch { $path }: { $reason }
err-watch-help = check the folder's permissions; on Linux, raise fs.inotify.max_user_watches, or use --poll
err-port-in-use = port { $port } is already in use on { $address }
err-port-in-use-help = stop the program that uses it, or choose another port: `trame serve --port { $next }`
err-bind = cannot listen on { $address }: { $reason }
err-bind-help = use an address of this computer with --bind, such as 127.0.0.1
err-server = cannot start the preview server: { $reason }
err-stdin = cannot read standard input: { $reason }
cli-new-no-title = the title is empty
cli-new-title-example = Post title

## trame fix

fix-available = (`trame fix` can correct this)
fix-file = { $file }: { $count ->
    [one] 1 correction
   *[other] { $count } corrections
}
fix-nothing = Nothing to fix.
fix-done = { $count ->
    [one] 1 correction written
   *[other] { $count } corrections written
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}.
fix-dry-run = { $count ->
    [one] 1 correction to make
   *[other] { $count } corrections to make
} in { $files ->
    [one] 1 file
   *[other] { $files } files
} (nothing written: --dry-run).
fix-legend = (⍽: narrow no-break space, ␣: no-break space)
fix-skipped = { $count ->
    [one] 1 correction waits
   *[other] { $count } corrections wait
} for the next run (they touch another correction, or the text moved): run `trame fix` again.
fix-would-break = { $file }: not fixed, its front matter would no longer read.
fix-changed-meanwhile = { $file }: not fixed, the file changed while it was being fixed; run `trame fix` again.

## JSON Schemas (trame schema): what each key means

schema-trame = Settings of a trame project (trame.yaml)
schema-charter = Editorial charter (charter.yaml)
schema-post = Front matter of a post (content/posts)
schema-entry = Front matter of a calendar entry (content/calendar)
schema-audit = Front matter of an audit note (content/audits)
schema-trame-title = The calendar’s name, at the top of every page of the site
schema-trame-language = The language of the site and of the messages: fr or en
schema-trame-timezone = The time zone of dates written without an offset (IANA, e.g. Europe/Paris)
schema-trame-base-url = Where the site is published (links of the ICS feeds)
schema-trame-organisation = The organisation: name, summary, logo
schema-trame-networks = The networks used: overrides of built-in networks, or custom ones (with max_length)
schema-trame-contacts = Contacts to mention with @[key]: one name, or a handle per network
schema-trame-cadence = The target cadence per network: 3/week, 1/day, 4/month
schema-trame-utm = UTM parameters added to links
schema-trame-charter = The editorial charter’s file (charter.yaml)
schema-trame-rules = The level of some codes: error, warning, info or off
schema-trame-output = Where the site is written (output by default)
schema-trame-theme = The site’s theme (themes/<name>)
schema-trame-fix-on-save = trame watch applies trame fix to each file saved
schema-trame-metrics = The folder of the results exported from the networks (metrics by default)
schema-organisation-name = The organisation’s name
schema-organisation-summary = A one-sentence summary
schema-organisation-logo = The logo’s path in the project (SVG, PNG or JPEG)
schema-utm-medium = utm_medium (social by default)
schema-utm-campaign = utm_campaign, the same for every link
schema-utm-campaign-from = campaign: each post’s campaign id becomes utm_campaign
schema-network-label = The network’s name as shown
schema-network-handle = The organisation’s handle on this network
schema-network-color = The network’s colour on the site (#rrggbb)
schema-network-max-length = The longest text the network takes
schema-network-max-bytes = The largest text the network takes, in bytes
schema-network-counting = How the network counts the length (twitter, mastodon, graphemes, characters, utf16, bytes…)
schema-network-fold = Characters shown before "see more"
schema-network-hashtags = Hashtags: most allowed (max) and placement (inline, end, first_comment)
schema-network-links = What links become: text, bio, field or first_comment
schema-network-max-links = The most links allowed
schema-network-media = Images and videos taken (count, formats, ratios, size, length)
schema-network-title = The title (YouTube, Pinterest): longest, required or not
schema-network-threads = A text too long can go out as a thread of replies
schema-charter-rules = The charter’s rules, each with its id and type
schema-rule-id = The rule’s id: its diagnostics are charter/<id>
schema-rule-type = The rule type
schema-rule-severity = The level of its diagnostics (warning by default)
schema-rule-message = A sentence put before each diagnostic
schema-rule-networks = Only these networks (all otherwise)
schema-rule-terms = The terms (words or phrases)
schema-rule-regex = The terms are regular expressions
schema-rule-use = The term to write
schema-rule-instead-of = The terms it replaces
schema-rule-form = vous, tu, or consistent (one form per text)
schema-rule-max = The most per text
schema-rule-allow = Words in capitals that are allowed (acronyms)
schema-rule-required = Hashtags that are required
schema-rule-required-from = campaign: each post carries its campaign’s hashtag
schema-rule-banned = Hashtags that are banned
schema-rule-camel-case = A capital for each word of a hashtag (#MarcheActive)
schema-rule-min-camel-length = The length from which a hashtag needs its capitals
schema-rule-narrow = Require the narrow no-break space before ; ! ?
schema-rule-apostrophe = The apostrophe expected: curly (’), straight (') or any
schema-rule-dictionary = The Hunspell dictionary: fr_FR, en_US or the path of a .dic/.aff pair
schema-rule-words = The team’s word list (one per line)
schema-rule-require-utm = Links must carry UTM parameters
schema-rule-forbid-shorteners = No link shorteners (bit.ly…)
schema-rule-shorteners = Domains taken as shorteners
schema-rule-days = The days posts may go out (mon … sun)
schema-rule-hours = The hours posts may go out, "08:00-20:00"
schema-rule-min-length = The shortest alt text allowed
schema-post-title = The post’s internal title (the site, the calendar)
schema-post-networks = The networks it goes out on: [linkedin, instagram]
schema-post-date = When it goes out: 2026-12-03 or 2026-12-03T09:30
schema-post-status = Where it stands: idea, draft, review, approved, scheduled, published
schema-post-author = Who writes it
schema-post-reviewer = Who reviews it (not the author)
schema-post-campaign = Its campaign’s id (content/calendar)
schema-post-pillar = The content pillar
schema-post-hashtags = Hashtags, with or without #
schema-post-link = The post’s link (trame places it as each network wants)
schema-post-media = Images and videos, each with its alt text
schema-post-first-comment = The first comment
schema-post-variants = What changes on one network: title, hashtags, link, media, thread…
schema-post-published = The published post’s address on each network, once it is out (joins the post to its results)
schema-post-extra = The team’s own fields (trame does not read them)
schema-media-path = The file’s path in the project (media/…)
schema-media-alt = The alt text: what the image shows
schema-media-focus = What to keep when a network crops: top, center, 50% 30%…
schema-media-poster = The image shown before a video plays
schema-variant-override-title = The title on this network
schema-variant-override-hashtags = The hashtags on this network
schema-variant-override-link = The link on this network
schema-variant-override-media = The media on this network
schema-variant-override-first-comment = The first comment on this network
schema-variant-override-skip = Do not publish on this network
schema-variant-override-thread = Split a text too long into a thread
schema-entry-title = The entry’s title
schema-entry-kind = campaign, event or key-date
schema-entry-date = The start: 2026-12-03
schema-entry-end = The end (a campaign, a fair)
schema-entry-networks = The networks it concerns
schema-entry-goal = The goal, in one sentence
schema-entry-kpis = Targets: clicks: 500, engagement_rate: 0.04
schema-entry-extra = The team’s own fields (extra.hashtag: the campaign’s hashtag)
schema-audit-title = The audit’s title
schema-audit-date = The day of the audit
schema-audit-accounts = The accounts, network by network
schema-audit-top-posts = The posts that worked best
schema-audit-swot = Strengths, weaknesses, opportunities, threats
schema-audit-causes = For each weakness: its cause and the solution
schema-audit-competitors = Competitors and their figures
schema-audit-target = The target audience
schema-audit-proposals = The proposals
schema-audit-from-results = Take the standing per network and the top posts from the results (metrics/) of this period: {"{"} from: 2026-11-01, to: 2026-11-30 {"}"}
schema-audit-extra = The team’s own fields
schema-veille = Front matter of a veille note (content/veille)
schema-veille-title = The title of the item or of the observation
schema-veille-kind = The kind of veille: metier, sectorielle, concurrentielle or e-reputation
schema-veille-date = The day the item was published at its source
schema-veille-url = The item's address
schema-veille-source = The source's id in `veille.sources`, or a free name
schema-veille-competitor = For competitive monitoring: the competitor (named as in audit notes)
schema-veille-tone = For e-reputation: positive, neutral or negative (set by the team)
schema-veille-status = new, read, idea, used or archived (used once a post cites it)
schema-veille-keywords = The watched keywords it matched
schema-veille-tags = Free tags
schema-veille-extra = The team’s own fields
schema-trame-links = `trame check --links`: addresses never checked (exclude) and how long a cached result is kept (max_age)
schema-trame-veille = The sources `trame veille` monitors, the keywords and the alert threshold
schema-post-sources = The ids of the veille notes this post draws on
schema-links-exclude = Regular expressions of addresses never checked
schema-links-max-age = A result younger than this is reused: 7d, 12h
schema-links-timeout = The longest an address is waited for: 20s by default
schema-veille-config-timeout = The longest a feed is waited for: 30s by default
schema-veille-config-keywords = Words looked for in every item (case and accents ignored); none = every item
schema-veille-config-alert = Warn (veille/alert) past this many negative e-reputation notes within 24 hours
schema-veille-config-sources = The RSS, Atom or JSON Feed feeds to monitor
schema-veille-source-id = The source's id, kept in its notes
schema-veille-source-kind = The kind of veille: metier, sectorielle, concurrentielle or e-reputation
schema-veille-source-url = The feed's address
schema-veille-source-competitor = The competitor this source follows
schema-veille-source-keywords = Words looked for in this source as well
schema-period-from = The period’s first day
schema-period-to = The period’s last day
schema-account-network = The network
schema-account-followers = Followers today
schema-account-followers-prev = Followers at the previous audit
schema-account-posts-30d = Posts of the last 30 days
schema-account-engagement-rate = The engagement rate (0.04 for 4%)
schema-top-post-network = The network
schema-top-post-url = Its address
schema-top-post-date = Its date
schema-top-post-summary = What it said, in one sentence
schema-top-post-likes = Likes
schema-top-post-comments = Comments
schema-top-post-shares = Shares
schema-top-post-saves = Saves
schema-top-post-impressions = Impressions
schema-swot-strengths = Strengths
schema-swot-weaknesses = Weaknesses
schema-swot-opportunities = Opportunities
schema-swot-threats = Threats
schema-cause-weakness = The weakness
schema-cause-cause = Its cause
schema-cause-solution = The proposed solution
schema-competitor-name = The competitor’s name
schema-competitor-networks = Its figures per network (followers, posts_per_week, engagement_rate)

## Preview (trame serve)

serve-not-found = Page not found
serve-not-found-text = This page is not (or no longer) in the generated site. If you just created its file, it will show as soon as the rebuild ends.
serve-not-found-back = Back to the calendar
serve-more = Diagnostics page
serve-hide = Hide
fix-link = { $file }: not fixed, it is a symbolic link (fix the file it points to).

## Results files (metrics/, SPEC §9)
metrics-unreadable = results file cannot be read: { $reason }
metrics-unreadable-help = export the file again from the network, or save it as CSV (UTF-8) from your spreadsheet
metrics-syntax = results file cannot be read: { $error }
metrics-ragged = this row has { $found ->
    [one] { $found } column
   *[other] { $found } columns
 }, the header { $expected }
metrics-delimiter-help = the header separates its columns with "{ $header }", this row with "{ $row }": save the file again with one delimiter
metrics-ragged-help = a cell probably holds the delimiter without quotes; open the file in a spreadsheet and save it as CSV again
metrics-network = "{ $network }" is not a network of this project
metrics-network-help = known networks: { $known }
metrics-network-missing = this row does not say its network (column `network`)
metrics-network-missing-help = write the row's network: linkedin, instagram, facebook, x…
metrics-not-a-number = "{ $value }" is not a number (column "{ $column }")
metrics-negative = "{ $value }" is negative (column "{ $column }"): a count never is
metrics-fraction = "{ $value }" is not a whole number (column "{ $column }")
metrics-percent = "{ $value }" is a percentage; column "{ $column }" takes a number
metrics-not-a-date = "{ $value }" is not a date (column "{ $column }")
metrics-not-a-date-help = write 2026-11-05, 2026-11-05T08:30 or 11/05/2026 08:30; a time without an offset is in the project's time zone
metrics-number-help = write a number: 1234, 1,234 or 1234.5; leave the cell empty if the figure is unknown (empty is not zero)
metrics-date-missing = this row has no date
metrics-date-missing-help = the publication date joins the row to its post and puts it in its month
metrics-empty = this results file is empty
metrics-unknown-format = these columns match no known export: { $columns }
metrics-unknown-format-help = known formats: { $formats }. Otherwise put your figures in trame's format, with the header network,post,url,date,impressions,reach,likes,comments,shares,saves,clicks,video_views,followers
metrics-more-problems = { $count } more cells of this file have a problem (only the first 50 are listed)
metrics-unknown-post-id = no post has the id "{ $id }"
metrics-unknown-post-url = no post has the address { $url } in `published`
metrics-unknown-post-time = no { $network } post within 30 minutes of { $date }
metrics-unknown-post-more = { $count } more rows of this file match no post (they count in the network's totals)
metrics-unknown-post-help = add the post's address to `published` in its front matter; the row counts in the network's totals
metrics-ambiguous = this row may be { $posts }: published within 30 minutes of each other on { $network }
metrics-ambiguous-help = add each post's address to `published` in its front matter: the address decides
kpi-unknown = trame cannot compute the KPI "{ $kpi }"
kpi-unknown-help = KPIs computed: { $known }

# trame export
export-network = { $tool } does not publish to { $network }
export-network-help = export { $network } in another format (`trame export csv`), or leave it out with `--network`
export-thread = on { $network }, this text is a thread of { $parts } parts: { $tool } imports a single text
export-thread-help = schedule this thread by hand, or export it to a tool that takes threads (`trame export publer`)
export-no-date = this post has no date: { $tool } needs to know when to publish it
export-no-date-help = add its date and time to the front matter: `date: 2026-12-03T09:30`
export-no-time = this post has a day but no time: { $tool } needs a time
export-no-time-help = add the time: `date: { $date }T09:30`
export-minute = { $tool } only schedules at minutes that are multiples of { $step } ({ $time } is not)
export-minute-help = choose { $before } or { $after }
export-past = this post is dated { $date }, which has passed: { $tool } refuses past dates
export-past-help = change its date, or set its status to `published` if it is already online
export-media-count = { $count } media: { $tool } imports at most { $max } per post
export-media-count-help = keep fewer media for this network (`variants:` → `media:`), or add the others in the tool
export-media-later = { $count ->
    [one] the image or video does not fit
   *[other] the { $count } media do not fit
} in the { $tool } file
export-media-later-help = add them in { $tool }, in the review step after the upload
export-media-address = { $count ->
    [one] the image or video has no public address
   *[other] the { $count } media have no public address
}: { $tool } downloads media from their address
export-media-address-help = give the published site's address in trame.yaml (`base_url`) and publish the site, or add the media in { $tool }
export-first-comment = the first comment does not fit in the { $tool } file
export-first-comment-help = post it by hand under the post, or export to a tool that takes it (`metricool`, `publer`)
export-title = the title does not fit in the { $tool } file
export-title-help = type it in { $tool } after the upload
export-link = the promoted link (outside the text) does not fit in the { $tool } file
export-link-help = put it where this network takes it (bio, pin link) or in the text
cli-export-unknown = unknown export format: `{ $name }`
cli-export-formats = formats: { $list }
cli-export-unknown-status = unknown status: `{ $name }`
cli-export-unknown-status-help = statuses: idea, draft, review, approved, scheduled, published
cli-export-errors = { $count ->
    [one] a post to export has errors
   *[other] { $count } posts to export have errors
}: fix them before exporting (above, or `trame check`)
cli-export-refused = { $count ->
    [one] one post (for one network) cannot be exported
   *[other] { $count } posts (network by network) cannot be exported
} to { $tool }: nothing is written. Fix them, or run again with `--skip-unsupported` to export the others.
cli-export-skipped = { $count ->
    [one] one post left out
   *[other] { $count } posts left out
} (above)
cli-export-too-many = { $tool } imports at most { $max } posts per file; this one would have { $count }{ $network }
cli-export-too-many-help = narrow the period with `--from` and `--to`, and export in several goes
cli-export-needs-output = { $tool } takes one file per profile, and this export has { $count } ({ $networks })
cli-export-needs-output-help = choose a network with `--network`, or a file name with `--output` (one file per network: export-linkedin.csv…)
cli-export-done = { $count ->
    [0] no post exported
    [one] one post exported
   *[other] { $count } posts exported
} → { $path }
cli-export-nothing = no post to export (statuses: { $statuses }): nothing is written
cli-export-nothing-help = `--status` picks other statuses, `--from`, `--to` and `--network` another selection
cli-export-cannot-write = cannot write { $path }: { $reason }
sarif-charter-rule = rule { $code } of the editorial charter (charter.yaml)
sarif-fix = safe correction (`trame fix`)
cli-changed-no-repo = `--changed` compares with the git history, and this project is not in a git repository
cli-changed-no-repo-help = run `trame check` without `--changed`, or from a clone of the repository (git must be installed)
cli-changed-no-git = `--changed` needs git, which cannot be run here
cli-changed-unknown-revision = git revision `{ $revision }` not found
cli-changed-unknown-revision-help = give a branch, a tag or a commit: `--changed origin/main`; in CI, fetch the history (`fetch-depth: 0` in actions/checkout)
cli-changed-no-base = no default branch to compare with (no origin/HEAD, main or master)
cli-changed-failed = git failed: { $reason }
cli-changed-everything = --changed: { $file } changed since { $base }: every file is checked
cli-changed-summary = --changed: { $changed ->
    [0] no file changed
    [one] one file changed
   *[other] { $changed } files changed
} since { $base }; { $reported } files reported (with those that depend on them), { $skipped } left out
schema-trame-publish = Publishing the site: `index: true` lets search engines index it (off by default)
schema-publish-index = Let search engines index the site (robots.txt and the robots meta tag): off by default, since the calendar shows drafts and competitor monitoring
