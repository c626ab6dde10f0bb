# Writes COUNT distinct short deliberations and by-laws that are not about a
# Contrat Local de Santé, for the triage measure of tools/bench.
#   awk -v count=1000 -v out=DIR -v seed=7 -f unrelated.awk TEMPLATE.txt...
# Each template is rewritten with its own act number, year, month, place,
# subject, names and amounts; a last line makes every file unique.
BEGIN {
  if (count == "") count = 1000
  if (seed == "") seed = 7
  srand(seed)
  nfem = split("Anne Claire Élise Gaëlle Inès Karima Odile Rose Thérèse Valérie Yasmine Zoé Chloé Lucie Maëlle", fem, " ")
  nmal = split("Bernard Denis François Hugues Jacques Louis Nicolas Paul Quentin Samuel Ulysse William Mathieu Rémi Hervé", mal, " ")
  nlast = split("MARTIN BERNARD THOMAS PETIT ROBERT RICHARD DURAND DUBOIS MOREAU LAURENT " \
                "SIMON MICHEL LEFEBVRE LEROY ROUX DAVID BERTRAND MOREL FOURNIER GIRARD " \
                "BONNET DUPONT LAMBERT FONTAINE ROUSSEAU VINCENT MULLER LEFEVRE FAURE ANDRE " \
                "MERCIER BLANC GUERIN BOYER GARNIER CHEVALIER FRANCOIS LEGRAND GAUTHIER GARCIA", last, " ")
  # Vowel-initial, ASCII: they follow "d'" and are upper-cased by a byte-wise awk.
  nplace = split("Ardanne Orvillers Aubrac Ormesson Ecrouves Isolan Armental Ostrelle Uzelle Avrigny " \
                 "Achery Oisonville Esquerdes Athienville Urville", place, " ")
  ndept = split("Drôme|Ardèche|Cantal|Lozère|Aveyron|Jura|Doubs|Orne|Manche|Sarthe|Indre|Creuse|Vienne|Gers|Landes", dept, "|")
  nmonth = split("janvier février mars avril mai juin juillet août septembre octobre novembre décembre", month, " ")
  nsubj = split("Programme d'entretien de la voirie communale – Approbation du plan de financement|" \
                "Tarifs de la restauration scolaire pour l'année scolaire à venir|" \
                "Attribution d'une subvention exceptionnelle à l'association sportive locale|" \
                "Modification du tableau des effectifs – Création d'un poste d'adjoint technique|" \
                "Décision modificative n° 2 au budget principal|" \
                "Rénovation de l'éclairage public – Demande de subvention au syndicat d'énergie|" \
                "Modification simplifiée n° 1 du plan local d'urbanisme|" \
                "Cession d'une parcelle communale au lieu-dit les Grands Prés|" \
                "Convention de mise à disposition de la salle polyvalente|" \
                "Redevance d'occupation du domaine public pour les terrasses|" \
                "Adhésion au groupement de commandes pour la fourniture de papier|" \
                "Renouvellement du contrat d'affermage du service de l'eau potable", subj, "|")
  nt = 0
}
FNR == 1 { nt++ }
{ tmpl[nt, FNR] = $0; tlen[nt] = FNR }
function pick(arr, n) { return arr[int(rand() * n) + 1] }
# "M. Alain DUCROS", "Mme Odile FERRAND", "Madame …", "Monsieur …": new first
# name (matching the civility) and surname.
function rename_people(line,   out, civ, name) {
  out = ""
  while (match(line, /(M\.|Mme|Madame|Monsieur) [^ ,]+ [A-Z][^ ,.;:()a-z]*[^ ,.;:()a-z]/)) {
    civ = substr(line, RSTART, RLENGTH)
    sub(/ .*/, "", civ)
    name = (civ == "Mme" || civ == "Madame") ? pick(fem, nfem) : pick(mal, nmal)
    out = out substr(line, 1, RSTART - 1) civ " " name " " pick(last, nlast)
    line = substr(line, RSTART + RLENGTH)
  }
  line = out line
  # A signature line: "Odile FERRAND".
  if (line ~ /^[A-Z][^ ]+ [A-Z][^ a-z]*[^ a-z]$/) line = pick(fem, nfem) " " pick(last, nlast)
  return line
}
# Amounts in euros: "412 000 €" becomes another number of thousands.
function amounts(line,   out) {
  if (line !~ /€/) return line
  out = ""
  while (match(line, /[0-9][0-9 ]* 000 €/)) {
    out = out substr(line, 1, RSTART - 1) (int(rand() * 900) + 10) " 000 €"
    line = substr(line, RSTART + RLENGTH)
  }
  return out line
}
END {
  for (d = 1; d <= count; d++) {
    t = (d - 1) % nt + 1
    year = 2012 + int(rand() * 14)
    m = pick(month, nmonth)
    day = int(rand() * 27) + 1
    pl = pick(place, nplace)
    pl2 = pick(place, nplace) "-sur-" pick(place, nplace)
    dp = pick(dept, ndept)
    sj = pick(subj, nsubj)
    num = sprintf("%03d", int(rand() * 300) + 1)
    file = sprintf("%s/unrelated_%06d.txt", out, d)
    for (i = 1; i <= tlen[t]; i++) {
      line = tmpl[t, i]
      if (line ~ /^\*\*OBJET/) line = "**OBJET : " sj "**"
      gsub(/DEL2025-037/, "DEL@Y0@-" num, line)
      gsub(/2025-ST-118/, "@Y0@-ST-" num, line)
      gsub(/2024/, "@Y1@", line)
      gsub(/2025/, "@Y0@", line)
      gsub(/2019/, "@Y6@", line)
      gsub(/@Y0@/, year, line)
      gsub(/@Y1@/, year - 1, line)
      gsub(/@Y6@/, year - 6, line)
      gsub(/27 mars/, day " " m, line)
      gsub(/ (mars|juin) /, " " m " ", line)
      gsub(/Ardanne/, pl, line)
      gsub(/ARDANNE/, toupper(pl), line)
      gsub(/Villecrozet/, pl2, line)
      gsub(/VILLECROZET/, toupper(pl2), line)
      gsub(/Drôme/, dp, line)
      print amounts(rename_people(line)) > file
    }
    printf "\nRéférence interne : %s-%06d\n", (t % 2 ? "DEL" : "ARR"), d > file
    close(file)
  }
}
