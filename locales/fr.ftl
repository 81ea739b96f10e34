## Messages de trame en français. Les identifiants (à gauche) ne changent pas d’une langue à
## l’autre ; `tests/l10n.rs` vérifie que les deux catalogues ont les mêmes messages et les mêmes
## arguments.
## Typographie : espace fine insécable (U+202F) avant ; ! ? et dans les guillemets « »,
## espace insécable (U+00A0) avant les deux-points.

## Mots communs

did-you-mean = vouliez-vous dire `{ $name }` ?
takes = { $what } accepte : { $keys }
unknown-key = clé inconnue `{ $key }` dans { $what }
found = trouvé : { $found }
unit-characters = { $count } { $count ->
    [one] caractère
   *[other] caractères
}
kind-nothing = rien
kind-bool = une valeur vrai/faux
kind-number = un nombre
kind-text = un texte
kind-list = une liste
kind-map = un tableau de `clé: valeur`
kind-tagged = une valeur étiquetée
found-text = le texte « { $text } »
found-number = le nombre { $number }
found-bool = `{ $value }`
expect-text = un texte
expect-texts = une liste de textes
expect-bool = `true` ou `false`
expect-number = un nombre
expect-whole-number = un nombre entier positif
expect-integer = un nombre entier
expect-list = une liste (lignes qui commencent par `- `)
expect-map = des lignes `clé: valeur`
expect-network-map = une liste de réseaux en `id: {"{"} … {"}"}`
expect-contact-map = une liste de contacts
expect-handle-map = un compte par réseau (`linkedin: "@nom"`)
what-front-matter = l’en-tête
what-items = les éléments de `{ $field }`

## YAML

yaml-syntax = YAML illisible : { $detail }
yaml-syntax-colon = un `: ` dans une valeur sans guillemets : YAML le lit comme une nouvelle clé. Mettez la valeur entre guillemets, par exemple `title: "Salon : J-3"`
yaml-syntax-colon-place = un `:` mal placé : après une clé, écrivez deux-points puis une espace (`title: …`), et mettez entre guillemets une valeur qui contient `:`
yaml-syntax-tab = une tabulation sert d’indentation : YAML n’accepte que des espaces. Remplacez la tabulation par deux espaces
yaml-syntax-quote = des guillemets ouverts et jamais refermés : ajoutez le `"` de fin
yaml-syntax-bracket = une liste entre crochets mal fermée : vérifiez les `[` `]` et les virgules
yaml-syntax-brace = un tableau entre accolades mal fermé : vérifiez les `{"{"}` `{"}"}` et les virgules
yaml-syntax-indent = une ligne mal alignée : les clés d’un même niveau commencent à la même colonne, les éléments `- ` d’une liste aussi
yaml-many-documents = plus d’un document YAML (une ligne `---` de trop ?)
yaml-duplicate-key = la clé `{ $key }` est déjà définie à la ligne { $line }
yaml-too-deep = YAML imbriqué sur plus de { $depth } niveaux
yaml-alias-bomb = trop d’alias YAML développés (bombe d’alias ?)
yaml-not-a-map = { $what } doit être fait de lignes `clé: valeur`, et non { $found }
yaml-not-a-map-help = écrivez une `clé: valeur` par ligne, indentée sous la clé
field-problem = `{ $field }` : { $problem }
field-type = `{ $field }` doit être { $expected }, pas { $found }
field-type-help = écrivez `{ $key }:` comme { $expected }
item-not-text = l’élément { $n } de `{ $field }` doit être un texte, pas { $found }
item-not-map = l’élément { $n } de `{ $field }` doit être un tableau `clé: valeur`, pas { $found }
item-not-map-help = écrivez chaque élément comme `- {"{"} { $example } {"}"}`
item-problem = élément { $n } de `{ $field }` : { $problem }
item-takes = un élément accepte : { $keys }
hint-boolean = en YAML, oui et non s’écrivent `true` et `false` : `{ $key }: { $value }`
hint-comma-list = une liste s’écrit entre crochets ou avec un élément par ligne : `{ $key }: [{ $list }]`
serde-invalid-type = { $found }, alors qu’il faut { $expected }
serde-invalid-value = { $found }, alors qu’il faut { $expected }
serde-unknown-variant = valeur inconnue { $found } ; les valeurs possibles : { $expected }
serde-missing-field = il manque le champ { $field }

## trame.yaml

config-not-utf8 = trame.yaml n’est pas un texte UTF-8
config-not-utf8-help = enregistrez le fichier en UTF-8 dans votre éditeur
config-language = la langue `{ $language }` n’est pas prise en charge
config-language-help = écrivez `fr` ou `en`
config-timezone = fuseau horaire inconnu `{ $zone }`
config-timezone-help = écrivez un nom de fuseau IANA, comme Europe/Paris
config-base-url = `base_url` `{ $url }` n’est pas une adresse http(s)
config-base-url-help = écrivez l’adresse complète, sans espace, ni `?`, ni `#` : https://example.org/calendrier/
config-cadence = le rythme `{ $cadence }` de { $network } n’est pas une fréquence
config-cadence-help = écrivez un nombre de publications par jour, semaine ou mois : `3/semaine`
config-utm-campaign-from = `utm.campaign_from` `{ $value }` n’est pas pris en charge
config-utm-campaign-from-help = `campaign_from: campaign` reprend l’id de campagne de chaque publication
config-rules-code = `rules:` nomme un code inconnu, `{ $code }`
config-rules-code-help = les codes sont listés dans le README
config-rules-level = `{ $level }` n’est pas un niveau (règle `{ $code }`)
config-rules-level-help = écrivez error, warning, info ou off
config-network-not-map = le réseau `{ $network }` doit être fait de lignes `clé: valeur`, et non { $found }
config-network-not-map-help = écrivez `{ $network }: {"{"} handle: "@vous" {"}"}`, ou laissez-le vide
config-network-takes = un réseau accepte : { $keys }
config-network-key = clé inconnue `{ $key }` pour le réseau `{ $network }`
config-network-custom = `{ $network }` n’est pas un réseau connu de trame : il est pris comme un réseau personnalisé
config-network-invalid = réseau `{ $network }` : { $problem }
config-network-invalid-help = `counting` vaut { $counting } ; `placement` vaut inline, end ou first_comment ; `links` vaut text, bio, field ou first_comment
network-unknown = réseau inconnu `{ $network }`
network-unknown-help = les réseaux sont : { $networks } ; un réseau personnalisé se déclare sous `networks:` dans trame.yaml (label, max_length, counting)

## Fichiers du dossier content/

file-unknown-folder = trame ne lit pas le dossier { $folder }/
file-unknown-folder-close = vouliez-vous dire content/{ $folder }/ ? trame lit { $known }
file-unknown-folder-help = trame lit { $known } : déplacez les fichiers dans l’un d’eux
file-outside-folders = trame ne lit pas { $file } : il n’est dans aucun dossier de contenu
file-outside-folders-help = déplacez-le dans l’un de ces dossiers : { $known }
file-control-character = un caractère de contrôle invisible ({ $code }) se trouve ici
file-control-character-help = supprimez-le (il vient souvent d’un copier-coller) ; trame le retire de ce qu’il écrit
file-read-folder = dossier illisible : { $error }
file-read-folder-help = vérifiez les droits d’accès du dossier
file-too-large = le fichier pèse { $size } Mo : trame lit des fichiers de contenu jusqu’à { $cap } Mo
file-too-large-help = une publication pèse quelques kilo-octets : est-ce le bon fichier ? Les gros fichiers vont dans media/
file-outside = ce fichier est un lien vers un fichier hors du projet : trame ne le lit pas
file-outside-help = copiez le fichier dans le projet au lieu d’y faire un lien
file-read = fichier illisible : { $error }
file-read-help = vérifiez que c’est un fichier texte Markdown et que vous avez le droit de le lire
file-binary = c’est un fichier binaire, pas un texte Markdown
file-binary-help = seuls les fichiers texte Markdown (.md) vont dans content/ : déplacez les images dans media/
file-encoding = le fichier n’est pas un texte UTF-8 (un octet invalide se trouve ici)
file-encoding-help = enregistrez le fichier en UTF-8 dans votre éditeur (souvent du Latin-1 ou du Windows-1252 s’y est glissé)
file-name-control-character = le nom du fichier contient un caractère de contrôle invisible (saut de ligne, tabulation, ESC…)
file-name-control-character-help = renommez le fichier avec des lettres, des chiffres et des tirets seulement

## En-tête (front matter)

frontmatter-empty-file = le fichier est vide
frontmatter-empty-file-help = commencez le fichier par un en-tête : une ligne `---`, `title: …`, puis une ligne `---` de fermeture
frontmatter-no-start = le fichier ne commence pas par la ligne `---` de l’en-tête
frontmatter-no-start-help = ajoutez une ligne `---` tout en haut, les lignes `clé: valeur`, puis une autre ligne `---` avant le texte
frontmatter-not-closed = l’en-tête ouvert ici n’est jamais fermé
frontmatter-not-closed-help = ajoutez une ligne `---` seule après la dernière ligne `clé: valeur`, avant le texte
frontmatter-tab = cette ligne est indentée avec une tabulation : l’en-tête demande des espaces
frontmatter-tab-help = remplacez la tabulation par des espaces (deux par niveau), comme sur les autres lignes
frontmatter-colon = la valeur de `{ $key }` contient « : », que l’en-tête prend pour le début d’une autre clé
frontmatter-colon-help = mettez la valeur entre guillemets : `{ $key }: "{ $value }"`
frontmatter-syntax-help = vérifiez l’indentation et la forme `clé: valeur` de cette ligne ; mettez entre guillemets les valeurs qui contiennent `: ` ou commencent par un caractère spécial
field-missing = `{ $key }` manque ou est vide ({ $what })
field-missing-help = ajoutez une ligne `{ $key }: …` à l’en-tête

## Dates

date-invalid = `{ $date }` n’est pas une date valide
date-invalid-help = écrivez 2026-12-03, 2026-12-03T09:30 (à l’heure du projet) ou 2026-12-03T09:30:00+01:00
date-day-first = `{ $date }` est écrit jour en premier : trame lit les dates année-mois-jour
date-day-first-help = écrivez `{ $iso }`
date-gap = { $time } n’existe pas dans le fuseau { $zone } : cette nuit-là, on avance les horloges (de UTC{ $before } à UTC{ $after })
date-gap-help = choisissez une autre heure, par exemple { $later }
date-fold = { $time } arrive deux fois dans le fuseau { $zone } (on recule les horloges de UTC{ $before } à UTC{ $after }) : trame prend la première
date-fold-help = ajoutez le décalage pour choisir, par exemple { $example }

## Publications, agenda, états des lieux

what-post = une publication
what-post-title = le titre interne de la publication
what-entry = une entrée d’agenda
what-entry-title = le titre de l’entrée
what-audit = un état des lieux
what-audit-title = le titre de l’état des lieux
what-veille = une note de veille
what-veille-title = le titre de la note de veille
what-veille-source = la source n° { $n } de `veille.sources`
veille-choice = `{ $key }: { $value }` n’est pas une valeur connue
veille-choice-help = `{ $key }` prend l’une de ces valeurs : { $names }
veille-kind-missing = une note de veille a besoin de `kind` : métier, sectorielle, concurrentielle ou e-réputation
veille-kind-missing-help = ajoutez une ligne `kind: sectorielle` (ou metier, concurrentielle, e-reputation)
veille-date-missing = une note de veille a besoin de `date` : le jour où l’article a paru à sa source
veille-date-missing-help = ajoutez une ligne `date: 2026-11-24`
veille-unknown-note = aucune note de veille n’a l’id `{ $id }`
veille-unknown-note-help = l’id d’une note est le nom de son fichier sans `.md`, dans content/veille/ ; `trame veille` les crée, `trame new veille` aussi
veille-alert = { $count } notes négatives d’e-réputation en 24 heures (seuil : { $limit }), du { $from } au { $to } : une crise commence peut-être
veille-alert-help = lisez ces notes et prévenez l’équipe ; une fois la crise traitée, passez-les en `status: archived` ; si ce rythme est normal pour vous, relevez `veille.alert` dans trame.yaml
config-links-exclude = `{ $pattern }` n’est pas une expression régulière valide
config-links-exclude-help = { $problem }
config-links-max-age = `{ $key }: { $value }` n’est pas une durée
config-links-max-age-help = écrivez un nombre suivi de s (secondes), m (minutes), h (heures), d (jours) ou w (semaines) : `{ $key }: 7d`
config-veille-alert = `alert: { $value }` n’est pas un nombre de notes
config-veille-alert-help = écrivez un nombre entier : `alert: 3` avertit dès la quatrième note négative en 24 heures
config-veille-source-field = la source n° { $n } de `veille.sources` n’a pas de `{ $key }`
config-veille-source-help = une source s’écrit `- { "{" } id: presse-sport, kind: sectorielle, url: "https://…/rss" { "}" }`
config-veille-source-duplicate = deux sources de `veille.sources` ont l’id `{ $id }`
config-veille-source-duplicate-help = donnez à chaque source son propre id : les notes le gardent dans `source`
config-veille-source-url = la source `{ $id }` n’a pas d’adresse http(s) valide dans `url`
config-veille-source-url-help = copiez l’adresse complète du flux RSS, Atom ou JSON Feed, qui commence par https://
post-networks-empty = `networks` est vide
post-networks-empty-help = indiquez au moins un réseau : `networks: [linkedin, instagram]`
post-networks-missing = une publication a besoin de `networks` : les réseaux où elle paraît
post-networks-missing-help = ajoutez une ligne `networks: [linkedin, instagram]` à l’en-tête
post-status = `{ $status }` n’est pas un statut
post-status-help = les statuts sont : { $statuses }
entry-kind = `{ $kind }` n’est pas un type d’entrée
entry-kind-help = écrivez campaign, event ou key-date
entry-date-missing = une entrée d’agenda a besoin d’une date (`date`)
entry-date-missing-help = ajoutez une ligne `date: 2026-12-03` à l’en-tête
entry-end-before = la fin (`end`, { $end }) est avant le début (`date`, { $date })
entry-end-before-help = inversez les deux dates, ou corrigez la fin
entry-kpi = l’objectif `{ $kpi }` doit être un nombre, pas { $found }
entry-kpi-help = écrivez l’objectif en chiffres : `clicks: 500`, `engagement_rate: 0.04`
audit-date-missing = un état des lieux a besoin d’une date (`date`)
audit-date-missing-help = ajoutez une ligne `date: 2026-11-24` (le jour de l’état des lieux) à l’en-tête
section-not-closed = la section `::: { $network }` n’est jamais fermée
section-not-closed-help = ajoutez une ligne `:::` seule là où la section se termine
section-not-published = une section `::: { $network }`, mais la publication ne paraît pas sur { $network }
section-not-published-help = ajoutez `{ $network }` à `networks`, ou supprimez la section
variant-not-published = `variants` a une entrée pour { $network }, mais la publication ne paraît pas sur { $network }
variant-not-published-help = ajoutez `{ $network }` à `networks`, ou supprimez cette entrée
contact-unknown = `@[{ $key }]` ne désigne aucun contact
contact-unknown-help = ajoutez `{ $key }:` sous `contacts:` dans trame.yaml, avec son compte sur chaque réseau
media-focus = `{ $focus }` n’est pas un point focal utilisable : les aperçus recadrent au centre
media-focus-help = écrivez un ou deux mots parmi left, center, right, top, bottom, ou des pourcentages : `focus: top`, `focus: 50% 30%`
hashtag-spaces = `{ $tag }` n’est pas un hashtag : un hashtag est un seul mot
hashtag-spaces-help = écrivez `{ $fix }`
hashtag-empty-help = supprimez le hashtag vide
link-scheme = `{ $url }` n’est ni une adresse web ni une adresse e-mail : le site ne la met pas en lien
link-scheme-help = écrivez l’adresse complète, qui commence par https:// (ou mailto: pour une adresse e-mail)
campaign-not-campaign = `{ $id }` est une entrée d’agenda de type { $kind }, pas une campagne
campaign-not-campaign-help = mettez `kind: campaign` dans { $file }, ou nommez une autre campagne
campaign-unknown = aucune campagne `{ $id }` dans content/calendar
campaign-unknown-help = créez content/calendar/{ $id }.md avec `kind: campaign`, ou corrigez le nom
date-far = le { $date } est à plus de { $years } ans d’aujourd’hui : le calendrier montre ce mois à part
date-far-help = vérifiez l’année (une faute de frappe ?) ; les projets plus lointains ont leur place dans une note
error-at-review = une erreur dès que la publication passe en relecture
duplicate-id = l’id `{ $id }` est déjà pris par { $first }
duplicate-id-page = l’id `{ $id }` est déjà pris par { $first } : la page de ce fichier est { $page }
duplicate-id-help = les ids viennent des noms de fichiers : renommez l’un des deux fichiers
workflow-date-missing = la publication est `{ $status }` mais n’a pas de date (`date`)
workflow-date-missing-help = ajoutez `date: 2026-12-03T09:30` (l’heure de publication), ou remettez le statut à `review`
workflow-reviewer-missing = la publication est `{ $status }` mais personne ne l’a relue
workflow-reviewer-missing-help = ajoutez `reviewer: <nom>` (quelqu’un d’autre que l’auteur), ou remettez le statut à `review`
workflow-self-review = { $person } est à la fois l’auteur et le relecteur
workflow-self-review-help = demandez à un collègue de relire la publication et indiquez-le comme `reviewer`
workflow-overdue = la date du { $date } est passée et la publication est encore `{ $status }`
workflow-overdue-help = mettez `status: published` si elle est parue, ou donnez-lui une nouvelle date

## Rythme de publication

cadence-one = { $per ->
    [day] le { $from }
    [week] semaine du { $from } au { $to }
   *[month] { $from }
} : { $have } publication{ $have ->
    [one] {""}
   *[other] s
} { $network } prévue{ $have ->
    [one] {""}
   *[other] s
}, le rythme visé est de { $target } par { $per ->
    [day] jour
    [week] semaine
   *[month] mois
}
cadence-run = { $network } : { $periods } { $per ->
    [day] jours
    [week] semaines
   *[month] mois
} sous { $target } publication{ $target ->
    [one] {""}
   *[other] s
} par { $per ->
    [day] jour
    [week] semaine
   *[month] mois
}, { $per ->
    [month] de { $from } à { $to }
   *[other] du { $from } au { $to }
}
cadence-help = prévoyez { $missing } publication{ $missing ->
    [one] {""}
   *[other] s
} { $network } de plus { $periods ->
    [one] { $per ->
        [day] ce jour-là
        [week] cette semaine-là
       *[month] ce mois-là
    }
   *[other] sur ces { $per ->
        [day] jours
        [week] semaines
       *[month] mois
    }
}, ou baissez le rythme visé (`cadence` dans trame.yaml)

## Règles des réseaux

amount = { $count } { $unit ->
    [weighted] { $count ->
        [one] caractère pondéré
       *[other] caractères pondérés
    }
    [bytes] { $count ->
        [one] octet
       *[other] octets
    }
    [utf16] { $count ->
        [one] caractère (UTF-16)
       *[other] caractères (UTF-16)
    }
   *[characters] { $count ->
        [one] caractère
       *[other] caractères
    }
}
variant-empty = la version { $network } n’a pas de texte
variant-empty-help = écrivez le texte commun sous l’en-tête, ou une section `::: { $network }`
variant-too-large = le texte { $network } fait { $chars } caractères : trame en garde les { $kept } premiers dans les aperçus et les fichiers .txt
variant-too-large-help = le fichier entier a-t-il été collé dans la publication ? Gardez le texte que le réseau affiche, et le reste dans une note
thread-part-length = la partie { $part }/{ $parts } du fil fait { $length }, la limite est de { $limit }
thread-part-length-help = une phrase plus longue qu’un message ne peut pas être coupée : scindez-la en deux
length = le texte { $network } fait { $length }, la limite est de { $limit }
length-help = retirez { $over }, ou écrivez une version plus courte dans une section `::: { $network }`
length-thread-help = retirez { $over }, écrivez une section `::: { $network }` plus courte, ou mettez `variants: {"{"} { $network }: {"{"} thread: true {"}"} {"}"}` pour en faire un fil
length-section-help = raccourcissez le texte, ou écrivez une version plus courte dans une section `::: { $network }`
fold = la première phrase fait { $length } caractères : { $network } en montre environ { $fold } avant « voir plus »
fold-help = placez l’accroche dans les { $fold } premiers caractères
hashtag-count = { $count } hashtags sur { $network }, qui en accepte ou en conseille { $max } au plus
hashtag-count-help = gardez les { $max } plus pertinents, ou donnez à { $network } sa propre liste : `variants: {"{"} { $id }: {"{"} hashtags: [...] {"}"} {"}"}`
link-not-clickable = { $network } ne rend pas cliquables les liens du texte : { $url }
link-not-clickable-help = mettez le lien dans `link:` : trame le donne à { $network } dans un champ à part
link-not-clickable-bio-help = mettez le lien dans `link:` (trame écrit « lien en bio ») et dans le profil
link-count = { $count } liens différents, { $network } en accepte { $max } au plus
link-count-help = gardez les liens les plus importants
title-missing = { $network } demande un titre, et cette publication n’en a pas
title-missing-help = écrivez le `title:` de la publication, ou celui que { $network } affiche : `variants: {"{"} { $id }: {"{"} title: "…" {"}"} {"}"}`
title-length = le titre { $network } fait { $length } caractères, la limite est de { $limit }
title-length-help = donnez à { $network } un titre plus court : `variants: {"{"} { $id }: {"{"} title: "…" {"}"} {"}"}`

## Médias

media-required = les publications { $network } demandent une image ou une vidéo
media-required-help = ajoutez `media: [{"{"} path: media/…, alt: "…" {"}"}]`, ou retirez ce réseau
media-count = { $count } fichiers médias, { $network } en prend { $max } au plus
media-count-help = choisissez-en { $max }, ou donnez à { $network } sa propre liste : `variants: {"{"} { $id }: {"{"} media: [...] {"}"} {"}"}`
alt-length = le texte alternatif fait { $length } caractères, { $network } en accepte { $max }
alt-length-help = décrivez ce qui compte dans l’image en moins de mots
alt-missing = { $path } n’a pas de texte alternatif ({ $networks } { $count ->
    [one] le lit
   *[other] le lisent
} aux personnes aveugles et malvoyantes)
alt-missing-help = ajoutez `alt: "…"` qui décrit l’image
media-video-only = { $path } est une image ; { $network } ne publie que des vidéos
media-video-only-help = donnez une vidéo à { $network } : `variants: {"{"} { $id }: {"{"} media: [{"{"} path: media/….mp4 {"}"}] {"}"} {"}"}`
media-image-format = { $path } est une image { $format } ; { $network } accepte { $formats }
media-video-format = { $path } est une vidéo { $format } ; { $network } accepte { $formats }
media-format-help = exportez-la en { $format }
media-ratio = { $path } fait { $size } ({ $ratio }) ; { $network } affiche du { $accepted } et va la recadrer
media-ratio-image-help = recadrez l’image à un format accepté, ou indiquez avec `focus:` ce qu’il faut garder
media-ratio-video-help = recadrez la vidéo à un format accepté
ratio-range = { $min } à { $max }
media-size = { $path } pèse { $size } ; { $network } accepte { $max } au plus
media-size-image-help = exportez-la à nouveau plus légère (qualité plus basse ou moins de pixels)
media-size-video-help = exportez-la à nouveau avec un débit ou une définition plus bas
megabytes = { $size } Mo
gigabytes = { $size } Go
video-too-short = { $path } dure { $duration } ; { $network } prend des vidéos d’au moins { $limit }
video-too-short-help = utilisez une vidéo plus longue
video-too-long = { $path } dure { $duration } ; { $network } prend des vidéos de { $limit } au plus
video-too-long-help = coupez la vidéo, ou publiez une version plus courte sur ce réseau
poster-video = l’affiche { $path } est une vidéo
poster-video-help = l’affiche est l’image fixe montrée avant la lecture : donnez un JPEG ou un PNG
logo-video = le logo { $path } est une vidéo
logo-video-help = donnez une image : SVG, PNG ou JPEG
media-outside = { $path } est hors du projet
media-outside-help = copiez le fichier dans media/ et écrivez son chemin depuis la racine du projet : `media/…`
media-not-found = { $path } n’existe pas
media-not-found-help = les chemins partent de la racine du projet (là où se trouve trame.yaml) : vérifiez le dossier et l’orthographe
media-folder = { $path } est un dossier, pas un fichier
media-folder-help = nommez le fichier image qui se trouve dans ce dossier
media-unreadable = { $path } est illisible : { $reason }
media-unreadable-help = exportez-le à nouveau en JPEG, PNG ou MP4
media-unknown-video = { $path } n’est pas un format vidéo que trame connaît (MP4, MOV, WebM, MKV, AVI)
media-unknown-format = { $path } n’est pas un format d’image ou de vidéo que trame connaît (JPEG, PNG, GIF, WebP, MP4, MOV…)

## Charte éditoriale

what-charter = la charte
what-rule = la règle { $n }
what-rule-of-type = une règle `{ $kind }`
charter-not-utf8 = la charte n’est pas un texte UTF-8
charter-unreadable = impossible de lire la charte { $file } : { $error }
charter-unreadable-help = créez le fichier, ou retirez `charter:` de trame.yaml
charter-types = les types de règles sont : { $types }
charter-no-type = cette règle n’a pas de `type`
charter-unknown-type = type de règle inconnu, `{ $kind }`
charter-no-id = cette règle n’a pas d’`id`
charter-no-id-help = ajoutez `id: <nom>` : ses diagnostics s’appellent `charter/<nom>`
charter-duplicate-id = deux règles ont l’id `{ $id }`
charter-duplicate-id-help = donnez à chaque règle son propre id
charter-severity = `{ $level }` n’est pas un niveau
charter-severity-help = écrivez error, warning ou info
charter-network-help = utilisez les ids des réseaux de trame.yaml
charter-address-form = `{ $form }` n’est pas une façon de s’adresser au lecteur
charter-address-form-help = écrivez `vous`, `tu` ou `consistent`
charter-address-vous = `{ $word }` : la charte vouvoie
charter-address-vous-help = adressez-vous au lecteur avec « vous » (vous, votre, vos)
charter-address-tu = `{ $word }` : la charte tutoie
charter-address-tu-help = adressez-vous au lecteur avec « tu » (tu, ton, ta, tes)
charter-address-mixed = `{ $word }` mélange tutoiement et vouvoiement dans un même texte
charter-address-mixed-vous-help = le reste du texte dit « vous » : gardez une seule forme
charter-address-mixed-tu-help = le reste du texte dit « tu » : gardez une seule forme
charter-alt-missing = { $path } n’a pas de texte alternatif
charter-alt-missing-help = ajoutez `alt: "…"` qui décrit ce que montre l’image
charter-alt-file-name = le texte alternatif de { $path } est son nom de fichier
charter-alt-file-name-help = décrivez ce que montre l’image, pour les personnes qui ne la voient pas
charter-alt-short = le texte alternatif de { $path } fait { $length } caractères, la charte en demande au moins { $min }
charter-alt-short-help = dites qui ou quoi est sur l’image, et ce qui s’y passe
charter-caps = { $count } mots en capitales, la charte en permet { $max }
charter-caps-help = écrivez en minuscules : les capitales se lisent comme des cris (ajoutez les sigles à `allow`)
charter-emoji = { $count } émojis, la charte en permet { $max }
charter-emoji-help = gardez les { $max } qui disent le plus
charter-exclamation = { $count } points d’exclamation, la charte en permet { $max }
charter-exclamation-help = terminez certaines phrases par un point
charter-regex = un motif ne se compile pas : { $error }
charter-regex-help = vérifiez l’expression régulière, ou retirez `regex: true` pour chercher les termes tels quels
charter-forbidden = `{ $term }` est un terme proscrit
charter-forbidden-help = reformulez sans ce terme (voir la charte)
charter-required-from = `required_from: { $value }` n’est pas pris en charge
charter-required-from-help = écrivez `required_from: campaign` : chaque publication porte le hashtag de sa campagne
charter-hashtag-missing = il manque le hashtag { $tag }
charter-hashtag-missing-help = ajoutez `{ $tag }` à `hashtags`
charter-hashtag-banned = { $tag } est un hashtag proscrit
charter-hashtag-banned-help = retirez-le
charter-hashtag-camel = { $tag } colle plusieurs mots dans une seule casse
charter-hashtag-camel-help = mettez une majuscule à chaque mot (#MarcheActive) pour que les lecteurs d’écran puissent le lire
charter-shortener = { $host } est un raccourcisseur de liens : le lecteur ne voit pas où il mène
charter-shortener-help = collez le lien complet ; trame ajoute les paramètres UTM
charter-utm = le lien { $url } n’a pas de paramètres UTM
charter-utm-help = mettez-le dans `link:` (trame le marque pour chaque réseau), ou ajoutez utm_source, utm_medium, utm_campaign
charter-day = `{ $day }` n’est pas un jour
charter-day-help = écrivez mon, tue, wed, thu, fri, sat, sun
charter-hours = `{ $hours }` n’est pas une plage horaire
charter-hours-help = écrivez-la "08:00-20:00"
charter-posting-day = le { $date } tombe en dehors des jours de publication
charter-posting-day-help = déplacez la publication à un de ces jours : { $days }
charter-posting-hours = { $time } est en dehors des heures de publication ({ $from }–{ $to }, heure de { $zone })
charter-posting-hours-help = programmez-la entre { $from } et { $to }
charter-preferred-use = cette règle a besoin de `use` : le terme à écrire
charter-preferred-use-help = ajoutez `use: courriel`
charter-preferred = écrivez `{ $term }` plutôt que `{ $found }`
charter-preferred-help = remplacez `{ $found }` par `{ $term }`
charter-spelling-of = `{ $found }` s’écrit `{ $right }`
charter-spelling-of-help = écrivez `{ $right }`
charter-apostrophe-style = `{ $style }` n’est pas un style d’apostrophe
charter-apostrophe-style-help = écrivez `curly` (’), `straight` (') ou `any`

## Typographie

typo-ellipsis = trois points au lieu de points de suspension
typo-ellipsis-help = écrivez `…` (un seul caractère)
typo-nbsp = une espace insécable
typo-nnbsp = une espace fine insécable
typo-space-before = une espace ordinaire avant `{ $mark }` : la ligne peut se couper juste avant
typo-space-before-help = remplacez l’espace avant `{ $mark }` par { $want }
typo-wide-space = une espace insécable large avant `{ $mark }`
typo-wide-space-help = mettez { $want }
typo-no-space = pas d’espace avant `{ $mark }`
typo-no-space-help = ajoutez { $want } avant `{ $mark }`
typo-open-quote = « doit être suivi d’une espace insécable
typo-open-quote-help = écrivez « suivi d’une espace insécable (fine ou non)
typo-close-quote = » doit suivre une espace insécable
typo-close-quote-help = écrivez une espace insécable (fine ou non) avant »
typo-straight-apostrophe = une apostrophe droite (')
typo-straight-apostrophe-help = mettez l’apostrophe typographique ’
typo-curly-apostrophe = une apostrophe courbe (’)
typo-curly-apostrophe-help = mettez l’apostrophe droite '
charter-needs-terms = cette règle a besoin de `{ $key }` : une liste de termes
charter-needs-terms-help = ajoutez `{ $key }: [terme, "autre terme"]`
charter-max-whole = `max` doit être un nombre entier
charter-max-whole-help = écrivez `max: 2`
charter-needs-max = cette règle a besoin de `max`
charter-needs-max-help = ajoutez `max: 2`

## Orthographe

spelling-words-unreadable = impossible de lire la liste de mots { $file } : { $error }
spelling-words-unreadable-help = créez le fichier (un mot par ligne), ou retirez `words:`
spelling-dictionary-unreadable = le dictionnaire { $name } est illisible : { $error }
spelling-no-dictionary = aucun dictionnaire Hunspell `{ $name }` trouvé : l’orthographe n’est pas vérifiée
spelling-no-dictionary-help = installez les dictionnaires de Debian (apt-get install hunspell-fr hunspell-en-us), ou donnez dans `dictionary:` le chemin d’une paire .dic/.aff
spelling-unknown = `{ $word }` n’est pas dans le dictionnaire
spelling-no-suggestion = vérifiez l’orthographe, ou ajoutez le mot à la liste de mots de la charte
spelling-suggestions = vouliez-vous dire { $words } ? (ou ajoutez le mot à la liste de mots)
config-rules-charter = `rules:` nomme `{ $key }`, mais la charte n’a pas de règle `{ $id }`
config-rules-charter-help = les ids des règles de la charte sont dans charter.yaml
output-conflict = deux pages seraient écrites dans { $path } ({ $first } et { $second }) : la seconde n’est pas écrite
output-conflict-help = c’est un bug de trame : signalez-le avec le nom des deux fichiers

## Sortie de trame check

label-error = erreur
label-warning = avertissement
label-info = info
label-help = aide
summary = { $files } { $files ->
    [one] fichier vérifié
   *[other] fichiers vérifiés
} : { $errors } { $errors ->
    [one] erreur
   *[other] erreurs
}, { $warnings } { $warnings ->
    [one] avertissement
   *[other] avertissements
}, { $infos } { $infos ->
    [one] info
   *[other] infos
}
counts-by-code = Par code :
counts-by-file = Par fichier :
n-errors = { $count } { $count ->
    [one] erreur
   *[other] erreurs
}
n-warnings = { $count } { $count ->
    [one] avertissement
   *[other] avertissements
}
n-infos = { $count } { $count ->
    [one] info
   *[other] infos
}

## Ligne de commande

cli-today = `{ $date }` n’est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2026-12-03
cli-created = créé : { $path }
cli-init-done = Un projet trame est prêt dans { $dir }.
    Ensuite : `trame check` pour le vérifier, `trame build` pour écrire le calendrier.
cli-new-done = { $path } est créé : ouvrez-le et écrivez le texte.
veille-not-a-feed = ce n’est pas un flux RSS, Atom ou JSON Feed lisible ({ $problem })
veille-status = le serveur répond { $status }
veille-too-large = le flux dépasse { $mb } Mo
veille-feed = la source `{ $id }` n’a pas pu être lue : { $problem }
veille-feed-help = ouvrez { $url } dans un navigateur : un flux affiche du XML ou du JSON, pas une page web ; corrigez `url` dans `veille.sources` si l’adresse a changé. Les autres sources ont été lues.
link-redirect = `{ $url }` redirige vers { $to }
link-redirect-help = mettez directement l’adresse finale : une redirection de moins, et le lien ne dépend plus de l’ancienne
link-dead = `{ $url }` répond { $status } : le lien est mort
link-dead-help = ouvrez-la dans un navigateur ; si la page a bougé, mettez la nouvelle adresse, sinon retirez le lien (ou ajoutez l’adresse à `links.exclude` si elle ne s’ouvre qu’une fois connecté)
link-unreachable = `{ $url }` ne répond pas : { $reason }
link-unreachable-help = vérifiez l’adresse (une faute de frappe dans le nom du site ?) et relancez plus tard : le site est peut-être en panne
link-rate-limited = le site refuse trop de demandes d’affilée (429), même après avoir attendu
net-timeout = pas de réponse dans le délai
net-host-not-found = ce nom de site n’existe pas (DNS)
net-connection-failed = la connexion est refusée
net-redirects = plus de { $max } redirections : la page tourne en rond
net-other = { $problem }
cli-veille-no-sources = trame.yaml n’a pas de source de veille
cli-veille-no-sources-help = ajoutez `veille:` avec ses `sources` (flux RSS, Atom ou JSON Feed) à trame.yaml
cli-veille-unknown-source = `veille.sources` n’a pas de source `{ $id }`
cli-veille-summary = veille : { $sources } sources lues ({ $unchanged } sans nouveauté, { $failed } en erreur), { $written } nouvelles notes, { $known } déjà vues, { $filtered } sans mot surveillé, en { $seconds } s
cli-links-summary = liens : { $urls } adresses vérifiées ({ $places } emplacements, { $cached } en cache, { $excluded } exclues), en { $seconds } s
progress-veille = sources de veille lues
progress-links = adresses vérifiées
cli-new-from-note = D’après la note de veille « { $title } » ({ $source }) : gardez l’idée, écrivez avec vos mots.
cli-new-veille-kind = une note de veille a besoin de son type : `--kind`
cli-new-veille-kind-help = trame new veille "Titre" --kind sectorielle (types : { $kinds })
cli-build-errors = Rien n’est écrit : corrigez les erreurs ci-dessus (ou lancez `trame build --force` pour écrire quand même).
    Le site précédent, s’il existe, est intact.
cli-built = { $files ->
    [one] { $files } fichier construit
   *[other] { $files } fichiers construits
} dans { $dir } en { $ms } ms ({ $written ->
    [one] { $written } écrit
   *[other] { $written } écrits
}, { $unchanged ->
    [one] { $unchanged } inchangé
   *[other] { $unchanged } inchangés
}, { $removed ->
    [one] { $removed } supprimé
   *[other] { $removed } supprimés
})
cli-networks = les réseaux sont : { $networks }
cli-count-fits = { $network } : { $length } sur { $limit } (ça tient)
cli-count-over = { $network } : { $length } sur { $limit } (trop long ou invalide)
cli-count-no-limit = { $network } : { $length } (pas de limite)
cli-port-in-use = Le port { $port } est pris : aperçu sur le port { $other } à la place.
cli-bind-public = l’aperçu écoute sur { $address } : les autres ordinateurs du réseau peuvent le voir, brouillons compris.
cli-bind-public-help = retirez --bind pour le garder sur cet ordinateur
cli-config-errors = { $file } contient des erreurs : rien n’a été vérifié ni écrit.
cli-check-no-match = `{ $path }` ne correspond à aucun fichier du projet
cli-check-no-match-help = nommez un fichier ou un dossier du projet, comme content/posts
cli-checked-in = vérifié en { $ms } ms
progress-reading = lecture et vérification du projet…
progress-rendering = construction du site ({ $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
})…
progress-writing = écriture de { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}…
watch-first-build = première construction
watch-change = modification
watch-file-changed = { $file } modifié
watch-files-changed = { $count } fichiers modifiés
watch-built = Construit en { $ms } ms : { $written ->
    [one] { $written } fichier écrit
   *[other] { $written } fichiers écrits
}, { $removed ->
    [one] { $removed } supprimé
   *[other] { $removed } supprimés
} ({ $rendered ->
    [one] { $rendered } rendu
   *[other] { $rendered } rendus
}, { $unchanged ->
    [one] { $unchanged } inchangé
   *[other] { $unchanged } inchangés
}) dans { $dir }
watch-rebuilt = Reconstruit en { $ms } ms : { $written ->
    [one] { $written } fichier écrit
   *[other] { $written } fichiers écrits
}, { $removed ->
    [one] { $removed } supprimé
   *[other] { $removed } supprimés
} ({ $rendered ->
    [one] { $rendered } rendu
   *[other] { $rendered } rendus
}, { $unchanged ->
    [one] { $unchanged } inchangé
   *[other] { $unchanged } inchangés
}) dans { $dir }
watch-failed = Rien n’est écrit : { $dir } garde la dernière bonne version. Corrigez le problème et enregistrez ; trame reconstruit tout seul.
watch-serving = Aperçu sur { $url } · surveillance des modifications (Ctrl-C pour arrêter)
watch-watching = Surveillance des modifications (Ctrl-C pour arrêter)
watch-stopped = Arrêté. { $dir } contient la dernière construction.
serve-errors = { $count } { $count ->
    [one] erreur
   *[other] erreurs
} dans le contenu (détails : page Diagnostics)
serve-failed = La reconstruction a échoué : la page montre la dernière version correcte

## Fichiers illisibles

io-not-found = le fichier n’existe pas
io-permission = vous n’avez pas le droit de le lire
io-folder = c’est un dossier, pas un fichier
io-special = ce n’est pas un fichier ordinaire (un périphérique, un tube ou une socket)
io-too-large = le fichier fait { $size } octets, plus que les { $cap } que trame lit

## Les codes des diagnostics (page Diagnostics du site)

code-config-syntax = trame.yaml ou charter.yaml n’est pas du YAML valide
code-config-unknown-key = une clé que trame ne connaît pas dans trame.yaml (avec un « vouliez-vous dire »), ou un code inconnu dans `rules:`
code-config-invalid = une valeur de trame.yaml ou de charter.yaml que trame ne peut pas utiliser
code-file-read = un fichier ou un dossier de contenu illisible
code-file-encoding = un fichier de contenu qui n’est pas un texte UTF-8
code-file-too-large = un fichier de contenu de plus de 4 Mo
code-file-unknown-folder = un dossier (ou un fichier) de content/ que trame ne lit pas : ni posts, ni calendar, ni audits, ni veille
code-file-control-character = un caractère de contrôle invisible (ESC, U+000B…) dans un fichier : trame le retire de ce qu’il écrit
code-frontmatter-missing-delimiter = pas de bloc `---` en haut du fichier, ou un bloc jamais fermé
code-frontmatter-syntax = l’en-tête n’est pas du YAML valide
code-frontmatter-missing-field = un champ obligatoire manque ou est vide
code-frontmatter-type = un champ du mauvais type (une liste là où un texte est attendu…)
code-frontmatter-date = une date qui n’est pas au format ISO 8601, ou une heure locale qui n’existe pas (changement d’heure)
code-frontmatter-unknown-key = une clé que trame ne connaît pas (avec un « vouliez-vous dire ») ; les champs propres à l’équipe vont sous `extra:`
code-frontmatter-duplicate-id = deux fichiers d’un même type avec le même nom (les ids viennent des noms de fichiers)
code-frontmatter-invalid = une valeur du bon type que trame ne peut pas utiliser (un hashtag avec des espaces…)
code-frontmatter-link-scheme = un lien qui n’est ni une adresse http(s) ni un mailto : le site ne le met pas en lien
code-network-unknown = un réseau ni intégré à trame ni déclaré dans trame.yaml (dans `networks`, une section `:::` ou `variants`)
code-network-length = la version est plus longue que ce que le réseau permet
code-network-thread-part-length = une partie du fil reste trop longue
code-network-fold = la première phrase ne tient pas avant le « voir plus »
code-network-hashtag-count = plus de hashtags que le réseau n’en permet ou n’en conseille
code-network-link-not-clickable = une URL dans le texte d’un réseau qui n’en fait pas un lien (Instagram)
code-network-link-count = plus de liens que le réseau n’en accepte
code-network-media-required = le réseau demande une image ou une vidéo
code-network-media-count = plus de fichiers médias que le réseau n’en prend
code-network-media-ratio = une image que le réseau va recadrer (proportions)
code-network-media-format = un format d’image ou de vidéo que le réseau ne prend pas
code-network-media-size = un fichier média plus lourd que ce que le réseau prend
code-network-video-length = une vidéo plus courte ou plus longue que ce que le réseau prend
code-network-alt-missing = une image sans texte alternatif sur un réseau qui le lit
code-network-alt-length = un texte alternatif plus long que ce que le réseau accepte
code-network-title-length = un titre plus long que ce que le réseau accepte (YouTube, Pinterest)
code-network-title-missing = un réseau qui demande un titre (YouTube) et une publication qui n’en a pas
code-variant-unknown-contact = `@[clé]` sans contact de ce nom dans trame.yaml
code-variant-unclosed-section = une section `::: réseau` sans son `:::` de fermeture
code-variant-section-not-published = une section ou une entrée de `variants` pour un réseau où la publication ne paraît pas
code-variant-empty = une version sans texte
code-variant-too-large = un texte de plus de 100 000 caractères (aucun réseau n’en prend autant) : les aperçus et les fichiers .txt en gardent le début
code-media-not-found = un fichier média qui n’existe pas (ou qui est un dossier)
code-media-outside-project = un chemin de média qui sort du dossier du projet
code-media-unreadable = un fichier média qui n’est pas une image ou une vidéo que trame sait lire
code-workflow-date-missing = une publication validée (ou plus loin) sans date
code-workflow-reviewer-missing = une publication validée (ou plus loin) sans relecteur
code-workflow-self-review = le relecteur est l’auteur
code-workflow-overdue = une date passée sur une publication qui n’est pas publiée
code-calendar-unknown-campaign = une publication nomme une campagne qui n’existe pas
code-calendar-cadence = des périodes sous le rythme visé (`cadence`) pour un réseau : un diagnostic par suite de périodes (« 3 semaines sous 2 publications par semaine »)
code-calendar-kpi-unknown = un indicateur de campagne (`kpis`) que trame ne sait pas calculer
code-metrics-syntax = un fichier de résultats illisible, ou une ligne qui n’a pas les colonnes de l’en-tête
code-metrics-unknown-format = un fichier de résultats dont les colonnes ne correspondent à aucun export connu
code-metrics-value = une cellule de résultats qui n’est pas un nombre, une date ou un réseau
code-metrics-unknown-post = une ligne de résultats qui ne correspond à aucune publication (elle compte dans les totaux du réseau)
code-metrics-ambiguous = une ligne de résultats qui correspond à plusieurs publications
code-veille-unknown-note = une publication cite dans `sources` une note de veille qui n’existe pas
code-veille-alert = plus de notes négatives d’e-réputation en 24 heures que `veille.alert` n’en admet
code-veille-feed = `trame veille` : une source qu’on ne peut ni télécharger ni lire
code-link-dead = `check --links` : l’adresse répond par une erreur (4xx ou 5xx)
code-link-unreachable = `check --links` : l’adresse ne répond pas (nom inconnu, TLS, connexion, délai dépassé)
code-link-redirect = `check --links` : l’adresse redirige ailleurs (le message donne l’adresse finale)
code-export-unsupported = `trame export` : le format de l’outil ne peut pas porter cette publication (réseau, fil, date, médias) ; elle n’est pas exportée
code-export-not-carried = `trame export` : une partie de la publication (médias, premier commentaire, titre, lien) ne passe pas dans le fichier et s’ajoute dans l’outil
code-output-conflict = deux fichiers générés auraient le même chemin (un bug de trame) : le second n’est pas écrit

## Erreurs qui arrêtent une commande

err-no-project = aucun trame.yaml dans { $dir } ni dans les dossiers au-dessus
err-no-project-help = lancez `trame init` pour créer un projet ici, ou indiquez --root DOSSIER
err-no-project-at = pas de trame.yaml dans { $dir }
err-no-project-at-help = --root nomme le dossier du projet, celui qui contient trame.yaml ; lancez-y `trame init` pour créer un projet
err-read = impossible de lire { $path } : { $reason }
err-write = impossible d’écrire { $path } : { $reason }
err-unsafe-path = écriture de `{ $path }` refusée : les chemins générés doivent rester dans le dossier de sortie
err-output-is-project = { $dir } ne peut pas servir de dossier de sortie : c’est (ou il contient) le projet lui-même
err-output-is-project-help = choisissez un dossier à part, comme `output`
err-would-overwrite = { $dir } contient des fichiers que trame n’a pas écrits, là où va le site : { $files }
err-would-overwrite-help = déplacez-les, choisissez un dossier de sortie vide, ou lancez `trame build --force` pour les remplacer
err-exists = { $path } existe déjà : trame n’écrase jamais un fichier
err-exists-help = choisissez un autre titre, ou supprimez d’abord le fichier
err-already-project = { $dir } contient déjà un projet trame (trame.yaml)
err-already-project-help = lancez trame dans ce dossier, ou initialisez-en un autre
err-template = gabarit { $name } : { $problem }
err-template-help = corrigez le gabarit, ou supprimez-le pour reprendre celui de trame
err-watch-start = impossible de surveiller les fichiers : { $reason }
err-watch-start-help = essayez `--poll`, qui parcourt le disque à la place
err-watch = impossible de surveiller { $path } : { $reason }
err-watch-help = vérifiez les droits du dossier ; sous Linux, augmentez fs.inotify.max_user_watches, ou utilisez --poll
err-port-in-use = le port { $port } est déjà pris sur { $address }
err-port-in-use-help = arrêtez le programme qui l’utilise, ou choisissez un autre port : `trame serve --port { $next }`
err-bind = impossible d’écouter sur { $address } : { $reason }
err-bind-help = donnez avec --bind une adresse de cet ordinateur, comme 127.0.0.1
err-server = impossible de démarrer le serveur d’aperçu : { $reason }
err-stdin = impossible de lire l’entrée standard : { $reason }
cli-new-no-title = le titre est vide
cli-new-title-example = Titre de la publication

## trame fix

fix-available = (`trame fix` peut le corriger)
fix-file = { $file } : { $count ->
    [one] 1 correction
   *[other] { $count } corrections
}
fix-nothing = Rien à corriger.
fix-done = { $count ->
    [one] 1 correction écrite
   *[other] { $count } corrections écrites
} dans { $files ->
    [one] 1 fichier
   *[other] { $files } fichiers
}.
fix-dry-run = { $count ->
    [one] 1 correction à faire
   *[other] { $count } corrections à faire
} dans { $files ->
    [one] 1 fichier
   *[other] { $files } fichiers
} (rien n’est écrit : --dry-run).
fix-legend = (⍽ : espace fine insécable, ␣ : espace insécable)
fix-skipped = { $count ->
    [one] 1 correction attend
   *[other] { $count } corrections attendent
} la prochaine fois (elles touchent une autre correction, ou le texte a bougé) : relancez `trame fix`.
fix-would-break = { $file } : non corrigé, l’en-tête ne se lirait plus.
fix-changed-meanwhile = { $file } : non corrigé, le fichier a changé pendant la correction ; relancez `trame fix`.

## Schémas JSON (trame schema) : les descriptions des clés

schema-trame = Réglages d’un projet trame (trame.yaml)
schema-charter = Charte éditoriale (charter.yaml)
schema-post = En-tête d’une publication (content/posts)
schema-entry = En-tête d’une entrée d’agenda (content/calendar)
schema-audit = En-tête d’un état des lieux (content/audits)
schema-trame-title = Le nom du calendrier, en tête de chaque page du site
schema-trame-language = La langue du site et des messages : fr ou en
schema-trame-timezone = Le fuseau horaire des dates sans décalage (IANA, par exemple Europe/Paris)
schema-trame-base-url = L’adresse où le site est publié (liens des flux ICS)
schema-trame-organisation = L’organisation : nom, présentation, logo
schema-trame-networks = Les réseaux utilisés : réglages des réseaux intégrés, ou réseaux personnalisés (avec max_length)
schema-trame-contacts = Les contacts à mentionner avec @[clé] : un nom, ou un compte par réseau
schema-trame-cadence = Le rythme visé par réseau : 3/semaine, 1/jour, 4/mois
schema-trame-utm = Les paramètres UTM ajoutés aux liens
schema-trame-charter = Le fichier de la charte éditoriale (charter.yaml)
schema-trame-rules = Le niveau de certains codes : error, warning, info ou off
schema-trame-output = Le dossier où le site est écrit (output par défaut)
schema-trame-theme = Le thème du site (themes/<nom>)
schema-trame-fix-on-save = trame watch applique trame fix à chaque fichier enregistré
schema-trame-metrics = Le dossier des résultats exportés des réseaux (metrics par défaut)
schema-organisation-name = Le nom de l’organisation
schema-organisation-summary = Une phrase de présentation
schema-organisation-logo = Le chemin du logo dans le projet (SVG, PNG ou JPEG)
schema-utm-medium = utm_medium (social par défaut)
schema-utm-campaign = utm_campaign, le même pour tous les liens
schema-utm-campaign-from = campaign : l’id de campagne de chaque publication devient utm_campaign
schema-network-label = Le nom affiché du réseau
schema-network-handle = Le compte de l’organisation sur ce réseau
schema-network-color = La couleur du réseau sur le site (#rrggbb)
schema-network-max-length = La longueur maximale d’un texte
schema-network-max-bytes = La taille maximale d’un texte, en octets
schema-network-counting = Comment le réseau compte la longueur (twitter, mastodon, graphemes, characters, utf16, bytes…)
schema-network-fold = Les caractères affichés avant « voir plus »
schema-network-hashtags = Les hashtags : nombre maximal (max) et place (inline, end, first_comment)
schema-network-links = Ce que deviennent les liens : text, bio, field ou first_comment
schema-network-max-links = Le nombre maximal de liens
schema-network-media = Les images et vidéos acceptées (nombre, formats, proportions, poids, durée)
schema-network-title = Le titre (YouTube, Pinterest) : longueur maximale, obligatoire ou non
schema-network-threads = Un texte trop long peut partir en fil de réponses
schema-charter-rules = Les règles de la charte, chacune avec son id et son type
schema-rule-id = L’identifiant de la règle : ses diagnostics s’appellent charter/<id>
schema-rule-type = Le type de règle
schema-rule-severity = Le niveau de ses diagnostics (warning par défaut)
schema-rule-message = Une phrase ajoutée au début de chaque diagnostic
schema-rule-networks = Seulement ces réseaux (tous sinon)
schema-rule-terms = Les termes (mots ou expressions)
schema-rule-regex = Les termes sont des expressions régulières
schema-rule-use = Le terme à écrire
schema-rule-instead-of = Les termes qu’il remplace
schema-rule-form = vous, tu, ou consistent (une seule forme par texte)
schema-rule-max = Le nombre maximal par texte
schema-rule-allow = Les mots en capitales permis (sigles)
schema-rule-required = Les hashtags obligatoires
schema-rule-required-from = campaign : chaque publication porte le hashtag de sa campagne
schema-rule-banned = Les hashtags proscrits
schema-rule-camel-case = Une majuscule à chaque mot des hashtags (#MarcheActive)
schema-rule-min-camel-length = La longueur à partir de laquelle un hashtag doit avoir ses majuscules
schema-rule-narrow = Exiger l’espace fine insécable avant ; ! ?
schema-rule-apostrophe = L’apostrophe attendue : curly (’), straight (') ou any
schema-rule-dictionary = Le dictionnaire Hunspell : fr_FR, en_US ou le chemin d’une paire .dic/.aff
schema-rule-words = Le fichier des mots de l’équipe (un par ligne)
schema-rule-require-utm = Les liens doivent porter des paramètres UTM
schema-rule-forbid-shorteners = Pas de raccourcisseurs de liens (bit.ly…)
schema-rule-shorteners = Les domaines comptés comme raccourcisseurs
schema-rule-days = Les jours de publication permis (mon … sun)
schema-rule-hours = Les heures de publication permises, "08:00-20:00"
schema-rule-min-length = La longueur minimale d’un texte alternatif
schema-post-title = Le titre interne de la publication (le site, le calendrier)
schema-post-networks = Les réseaux où elle paraît : [linkedin, instagram]
schema-post-date = Quand elle paraît : 2026-12-03 ou 2026-12-03T09:30
schema-post-status = Où elle en est : idea, draft, review, approved, scheduled, published
schema-post-author = Qui l’écrit
schema-post-reviewer = Qui la relit (pas l’auteur)
schema-post-campaign = L’id de sa campagne (content/calendar)
schema-post-pillar = Le pilier éditorial
schema-post-hashtags = Les hashtags, avec ou sans #
schema-post-link = Le lien de la publication (trame le place selon le réseau)
schema-post-media = Les images et vidéos, chacune avec son texte alternatif
schema-post-first-comment = Le premier commentaire
schema-post-variants = Ce qui change pour un réseau : titre, hashtags, lien, médias, fil…
schema-post-published = L’adresse de la publication sur chaque réseau, une fois parue (relie la publication à ses résultats)
schema-post-extra = Les champs propres à l’équipe (trame ne les lit pas)
schema-media-path = Le chemin du fichier dans le projet (media/…)
schema-media-alt = Le texte alternatif : ce que montre l’image
schema-media-focus = Ce qu’il faut garder quand un réseau recadre : top, center, 50% 30%…
schema-media-poster = L’image affichée avant la lecture d’une vidéo
schema-variant-override-title = Le titre sur ce réseau
schema-variant-override-hashtags = Les hashtags sur ce réseau
schema-variant-override-link = Le lien sur ce réseau
schema-variant-override-media = Les médias sur ce réseau
schema-variant-override-first-comment = Le premier commentaire sur ce réseau
schema-variant-override-skip = Ne pas publier sur ce réseau
schema-variant-override-thread = Découper un texte trop long en fil
schema-entry-title = Le titre de l’entrée
schema-entry-kind = campaign, event ou key-date
schema-entry-date = Le début : 2026-12-03
schema-entry-end = La fin (une campagne, un salon)
schema-entry-networks = Les réseaux concernés
schema-entry-goal = L’objectif, en une phrase
schema-entry-kpis = Les objectifs chiffrés : clicks: 500, engagement_rate: 0.04
schema-entry-extra = Les champs propres à l’équipe (extra.hashtag : le hashtag de la campagne)
schema-audit-title = Le titre de l’état des lieux
schema-audit-date = Le jour de l’état des lieux
schema-audit-accounts = Les comptes, réseau par réseau
schema-audit-top-posts = Les publications qui ont le mieux marché
schema-audit-swot = Forces, faiblesses, opportunités, menaces
schema-audit-causes = Pour chaque faiblesse : sa cause et la solution
schema-audit-competitors = Les concurrents et leurs chiffres
schema-audit-target = La cible
schema-audit-proposals = Les propositions
schema-audit-from-results = Prendre la situation par réseau et les meilleures publications dans les résultats (metrics/) de cette période : {"{"} from: 2026-11-01, to: 2026-11-30 {"}"}
schema-audit-extra = Les champs propres à l’équipe
schema-veille = En-tête d’une note de veille (content/veille)
schema-veille-title = Le titre de l’article ou de l’observation
schema-veille-kind = Le type de veille : metier, sectorielle, concurrentielle ou e-reputation
schema-veille-date = Le jour où l’article a paru à sa source
schema-veille-url = L’adresse de l’article
schema-veille-source = L’id de la source dans `veille.sources`, ou un nom libre
schema-veille-competitor = Pour la veille concurrentielle : le concurrent (nommé comme dans les états des lieux)
schema-veille-tone = Pour l’e-réputation : positive, neutral ou negative (l’équipe le choisit)
schema-veille-status = new, read, idea, used ou archived (used dès qu’une publication la cite)
schema-veille-keywords = Les mots surveillés qu’elle contient
schema-veille-tags = Des étiquettes libres
schema-veille-extra = Les champs propres à l’équipe
schema-trame-links = `trame check --links` : les adresses à ne jamais vérifier (exclude) et la durée de validité du cache (max_age)
schema-trame-veille = Les sources surveillées par `trame veille`, les mots-clés et le seuil d’alerte
schema-post-sources = Les ids des notes de veille dont la publication s’inspire
schema-links-exclude = Des expressions régulières d’adresses à ne jamais vérifier
schema-links-max-age = Un résultat plus récent que cette durée est réutilisé : 7d, 12h
schema-links-timeout = Le plus longtemps qu’on attend une adresse : 20s par défaut
schema-veille-config-timeout = Le plus longtemps qu’on attend un flux : 30s par défaut
schema-veille-config-keywords = Les mots cherchés dans chaque article (casse et accents ignorés) ; aucun = tous les articles
schema-veille-config-alert = Avertir (veille/alert) au-delà de ce nombre de notes négatives d’e-réputation en 24 heures
schema-veille-config-sources = Les flux RSS, Atom ou JSON Feed à surveiller
schema-veille-source-id = L’id de la source, gardé dans les notes
schema-veille-source-kind = Le type de veille : metier, sectorielle, concurrentielle ou e-reputation
schema-veille-source-url = L’adresse du flux
schema-veille-source-competitor = Le concurrent que suit cette source
schema-veille-source-keywords = Des mots cherchés en plus dans cette source
schema-period-from = Le premier jour de la période
schema-period-to = Le dernier jour de la période
schema-account-network = Le réseau
schema-account-followers = Les abonnés aujourd’hui
schema-account-followers-prev = Les abonnés au précédent état des lieux
schema-account-posts-30d = Les publications des 30 derniers jours
schema-account-engagement-rate = Le taux d’engagement (0.04 pour 4 %)
schema-top-post-network = Le réseau
schema-top-post-url = Son adresse
schema-top-post-date = Sa date
schema-top-post-summary = Ce qu’elle disait, en une phrase
schema-top-post-likes = Les j’aime
schema-top-post-comments = Les commentaires
schema-top-post-shares = Les partages
schema-top-post-saves = Les enregistrements
schema-top-post-impressions = Les impressions
schema-swot-strengths = Les forces
schema-swot-weaknesses = Les faiblesses
schema-swot-opportunities = Les opportunités
schema-swot-threats = Les menaces
schema-cause-weakness = La faiblesse
schema-cause-cause = Sa cause
schema-cause-solution = La solution proposée
schema-competitor-name = Le nom du concurrent
schema-competitor-networks = Ses chiffres par réseau (followers, posts_per_week, engagement_rate)

## Aperçu (trame serve)

serve-not-found = Page introuvable
serve-not-found-text = Cette page n’existe pas (ou plus) dans le site généré. Si vous venez de créer le fichier, elle apparaîtra dès la fin de la reconstruction.
serve-not-found-back = Retour au calendrier
serve-more = Page Diagnostics
serve-hide = Masquer
fix-link = { $file } : non corrigé, c’est un lien symbolique (corrigez le fichier vers lequel il pointe).

## Results files (metrics/, SPEC §9)
metrics-unreadable = fichier de résultats illisible : { $reason }
metrics-unreadable-help = exportez de nouveau le fichier depuis le réseau, ou enregistrez-le en CSV (UTF-8) depuis votre tableur
metrics-syntax = fichier de résultats illisible : { $error }
metrics-ragged = cette ligne a { $found ->
    [one] { $found } colonne
   *[other] { $found } colonnes
 }, l’en-tête en a { $expected }
metrics-delimiter-help = l’en-tête sépare ses colonnes par « { $header } », cette ligne par « { $row } » : enregistrez le fichier de nouveau avec un seul séparateur
metrics-ragged-help = une cellule contient sans doute le séparateur sans guillemets ; ouvrez le fichier dans un tableur et enregistrez-le de nouveau en CSV
metrics-network = « { $network } » n’est pas un réseau de ce projet
metrics-network-help = réseaux connus : { $known }
metrics-network-missing = cette ligne ne dit pas son réseau (colonne `network`)
metrics-network-missing-help = indiquez le réseau de la ligne : linkedin, instagram, facebook, x…
metrics-not-a-number = « { $value } » n’est pas un nombre (colonne « { $column } »)
metrics-negative = « { $value } » est négatif (colonne « { $column } ») : un compte ne l’est jamais
metrics-fraction = « { $value } » n’est pas un nombre entier (colonne « { $column } »)
metrics-percent = « { $value } » est un pourcentage, la colonne « { $column } » attend un nombre
metrics-not-a-date = « { $value } » n’est pas une date (colonne « { $column } »)
metrics-not-a-date-help = écrivez 2026-11-05, 2026-11-05T08:30 ou 05/11/2026 08:30 ; une heure sans décalage est dans le fuseau du projet
metrics-number-help = écrivez un nombre : 1234, 1 234 ou 1234,5 ; laissez la cellule vide si le chiffre est inconnu (vide n’est pas zéro)
metrics-date-missing = cette ligne n’a pas de date
metrics-date-missing-help = la date de publication relie la ligne à sa publication et la range dans son mois
metrics-empty = ce fichier de résultats est vide
metrics-unknown-format = ces colonnes ne correspondent à aucun export connu : { $columns }
metrics-unknown-format-help = formats reconnus : { $formats }. Sinon, mettez vos chiffres dans le format de trame, avec l’en-tête network,post,url,date,impressions,reach,likes,comments,shares,saves,clicks,video_views,followers
metrics-more-problems = { $count } autres cellules de ce fichier ont un problème (seules les 50 premières sont listées)
metrics-unknown-post-id = aucune publication n’a l’id « { $id } »
metrics-unknown-post-url = aucune publication n’a l’adresse { $url } dans `published`
metrics-unknown-post-time = aucune publication { $network } à moins de 30 minutes du { $date }
metrics-unknown-post-more = { $count } autres lignes de ce fichier ne correspondent à aucune publication (elles comptent dans les totaux du réseau)
metrics-unknown-post-help = ajoutez l’adresse de la publication à `published` dans son en-tête ; la ligne compte dans les totaux du réseau
metrics-ambiguous = cette ligne peut être { $posts } : publiées à moins de 30 minutes l’une de l’autre sur { $network }
metrics-ambiguous-help = ajoutez l’adresse de chaque publication à `published` dans son en-tête : l’adresse départage
kpi-unknown = trame ne sait pas calculer l’indicateur « { $kpi } »
kpi-unknown-help = indicateurs calculés : { $known }

# trame export
export-network = { $tool } ne publie pas sur { $network }
export-network-help = exportez { $network } dans un autre format (`trame export csv`), ou laissez-le de côté avec `--network`
export-thread = sur { $network }, ce texte est un fil de { $parts } parties : { $tool } n’en importe qu’un seul texte
export-thread-help = programmez ce fil à la main, ou exportez-le vers un outil qui prend les fils (`trame export publer`)
export-no-date = cette publication n’a pas de date : { $tool } doit savoir quand la publier
export-no-date-help = ajoutez sa date et son heure au front matter : `date: 2026-12-03T09:30`
export-no-time = cette publication n’a qu’un jour, sans heure : { $tool } demande une heure
export-no-time-help = ajoutez l’heure : `date: { $date }T09:30`
export-minute = { $tool } ne programme qu’aux minutes multiples de { $step } ({ $time } n’en est pas une)
export-minute-help = choisissez { $before } ou { $after }
export-past = cette publication est datée du { $date }, déjà passé : { $tool } refuse les dates passées
export-past-help = changez sa date, ou passez son statut à `published` si elle est déjà en ligne
export-media-count = { $count } médias : { $tool } en importe { $max } au plus par publication
export-media-count-help = gardez moins de médias pour ce réseau (`variants:` → `media:`), ou ajoutez les autres dans l’outil
export-media-later = { $count ->
    [one] le média ne passe pas
   *[other] les { $count } médias ne passent pas
} dans le fichier { $tool }
export-media-later-help = ajoutez-les dans { $tool }, à la relecture qui suit l’envoi du fichier
export-media-address = { $count ->
    [one] le média n’a pas
   *[other] les { $count } médias n’ont pas
} d’adresse publique : { $tool } télécharge les médias par leur adresse
export-media-address-help = indiquez l’adresse du site publié dans trame.yaml (`base_url`) et publiez le site, ou ajoutez les médias dans { $tool }
export-first-comment = le premier commentaire ne passe pas dans le fichier { $tool }
export-first-comment-help = publiez-le à la main sous la publication, ou exportez vers un outil qui le prend (`metricool`, `publer`)
export-title = le titre ne passe pas dans le fichier { $tool }
export-title-help = saisissez-le dans { $tool } après l’envoi du fichier
export-link = le lien mis en avant (hors du texte) ne passe pas dans le fichier { $tool }
export-link-help = mettez-le là où ce réseau le prend (bio, lien de l’épingle) ou dans le texte
cli-export-unknown = format d’export inconnu : `{ $name }`
cli-export-formats = formats : { $list }
cli-export-unknown-status = statut inconnu : `{ $name }`
cli-export-unknown-status-help = statuts : idea, draft, review, approved, scheduled, published
cli-export-errors = { $count ->
    [one] une publication à exporter a des erreurs
   *[other] { $count } publications à exporter ont des erreurs
} : corrigez-les avant l’export (ci-dessus, ou `trame check`)
cli-export-refused = { $count ->
    [one] une publication (pour un réseau) ne peut pas être exportée
   *[other] { $count } publications (réseau par réseau) ne peuvent pas être exportées
} vers { $tool } : rien n’est écrit. Corrigez-les, ou relancez avec `--skip-unsupported` pour exporter les autres.
cli-export-skipped = { $count ->
    [one] une publication laissée de côté
   *[other] { $count } publications laissées de côté
} (ci-dessus)
cli-export-too-many = { $tool } importe { $max } publications au plus par fichier ; celui-ci en aurait { $count }{ $network }
cli-export-too-many-help = resserrez la période avec `--from` et `--to`, et exportez en plusieurs fois
cli-export-needs-output = { $tool } prend un fichier par profil, et cet export en a { $count } ({ $networks })
cli-export-needs-output-help = choisissez un réseau avec `--network`, ou un nom de fichier avec `--output` (un fichier par réseau : export-linkedin.csv…)
cli-export-done = { $count ->
    [0] aucune publication exportée
    [one] une publication exportée
   *[other] { $count } publications exportées
} → { $path }
cli-export-nothing = aucune publication à exporter (statuts : { $statuses }) : rien n’est écrit
cli-export-nothing-help = `--status` choisit d’autres statuts, `--from`, `--to` et `--network` une autre sélection
cli-export-cannot-write = impossible d’écrire { $path } : { $reason }
sarif-charter-rule = règle { $code } de la charte éditoriale (charter.yaml)
sarif-fix = correction sûre (`trame fix`)
cli-changed-no-repo = `--changed` compare avec l’historique git, et ce projet n’est pas dans un dépôt git
cli-changed-no-repo-help = lancez `trame check` sans `--changed`, ou depuis un clone du dépôt (git doit être installé)
cli-changed-no-git = `--changed` a besoin de git, qui ne se lance pas ici
cli-changed-unknown-revision = la révision git `{ $revision }` est introuvable
cli-changed-unknown-revision-help = donnez une branche, une étiquette ou un commit : `--changed origin/main` ; en CI, récupérez l’historique (`fetch-depth: 0` dans actions/checkout)
cli-changed-no-base = pas de branche par défaut à laquelle comparer (ni origin/HEAD, ni main, ni master)
cli-changed-failed = git a échoué : { $reason }
cli-changed-everything = --changed : { $file } a changé depuis { $base } : tous les fichiers sont vérifiés
cli-changed-summary = --changed : { $changed ->
    [0] aucun fichier modifié
    [one] un fichier modifié
   *[other] { $changed } fichiers modifiés
} depuis { $base } ; { $reported } fichiers rapportés (avec ceux qui en dépendent), { $skipped } laissés de côté
schema-trame-publish = La publication du site : `index: true` laisse les moteurs de recherche le référencer (non par défaut)
schema-publish-index = Laisser les moteurs de recherche référencer le site (robots.txt et balise robots) : non par défaut, car le calendrier montre des brouillons et la veille concurrentielle
