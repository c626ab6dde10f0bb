// ExtractGlossary (extract/glossary.cc, rules/glossary.rules): the acronym
// lines of glossary annexes, on small texts run through the pipeline's
// stages.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb {
namespace {

std::vector<std::string> Glossary(const std::string& text) {
  DocumentRecords r = testing::ExtractText(text);
  std::vector<std::string> out;
  for (const GlossaryEntry& g : r.glossary) out.push_back(g.acronym + " = " + g.expansion);
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("colon lines, with an expansion broken over two lines", "[glossary]") {
  CHECK(Glossary("Annexe Glossaire :\n"
                 "AAP : Appel A Projet\n"
                 "ADEME : Agence de l'Environnement et de la Maitrise de l'Energie.\n"
                 "CH Bapaume : Centre Hospitalier Bapaume\n"
                 "PAT : Programme Alimentaire\n"
                 "Territoriale\n"
                 "MDa : Maison des adolescents\n"
                 "Communauté d'Agglomération\n"
                 "Béthune-Bruay\n") ==
        V{"AAP = Appel A Projet",
          "ADEME = Agence de l'Environnement et de la Maitrise de l'Energie",
          "CH Bapaume = Centre Hospitalier Bapaume", "PAT = Programme Alimentaire Territoriale",
          "MDa = Maison des adolescents"});
}

TEST_CASE("a table under its header row, and dash lines", "[glossary]") {
  CHECK(Glossary("Annexe : Glossaire\n"
                 "Sigle\tSignification\n"
                 "CD 62\tConseil Départemental du 62\n"
                 "URPS-ML\tUnion Régionale des Professionnels de Santé – Médecins Libéraux\n") ==
        V{"CD 62 = Conseil Départemental du 62",
          "URPS-ML = Union Régionale des Professionnels de Santé – Médecins Libéraux"});
  CHECK(Glossary("LISTE DES SIGLES\n"
                 "AAP – Appel à projet\n"
                 "CLS - Contrat local de santé\n") ==
        V{"AAP = Appel à projet", "CLS = Contrat local de santé"});
}

TEST_CASE("a summary's 'Glossaire' line gives nothing", "[glossary]") {
  CHECK(Glossary("ANNEXES\n"
                 "Glossaire\n"
                 "Plan d'action\n"
                 "I. PREAMBULE\n"
                 "Vu le code de la santé publique : articles L1434-2 et L1434-10\n")
            .empty());
}

TEST_CASE("two glossaries each keep their lines, duplicates included", "[glossary]") {
  CHECK(Glossary("Glossaire\n"
                 "ARS : Agence Régionale de Santé\n"
                 "Pour le Département du Pas-de-Calais\n"
                 "GLOSSAIRE\n"
                 "ARS\tAgence Régionale de Santé\n"
                 "CALL\tCommunauté d'Agglomération de Lens-Liévin\n") ==
        V{"ARS = Agence Régionale de Santé", "ARS = Agence Régionale de Santé",
          "CALL = Communauté d'Agglomération de Lens-Liévin"});
}

}  // namespace
}  // namespace clsdb
