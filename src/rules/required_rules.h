// rules/required_rules: every rule of rules/ that clsdb's code reads, named
// once, with the step that reads it.
//
// Code never asks for a rule by its name: it holds a RuleId (one rule) or a
// RuleFamily (every rule whose name starts with a prefix, for the steps that
// run all the rules of a kind: dates, triage, paragraph breaks…).
// RuleSet::LoadDirectory resolves them all once, before compiling anything;
// a rule missing from the directory is a load error
//   DIR: rule <name> is required by <step>
// (a family with no rule: "DIR: rule <prefix>* is required by <step>"),
// where DIR is the rules directory as given (a rule may be moved between
// its files; the directory is what the user named).  So an analyst who
// renames or deletes a rule learns it at start-up, never from documents
// failing one by one or from a feature that silently stops.
//
// To read a new rule from code: add its line here (the lists are sorted by
// name) and use its RuleId.
#ifndef CLSDB_RULES_REQUIRED_RULES_H_
#define CLSDB_RULES_REQUIRED_RULES_H_

#include <array>
#include <cstddef>
#include <string_view>

namespace clsdb {

// X(enumerator, rule name, steps that read it)
#define CLSDB_REQUIRED_RULES(X)                                                                    \
  X(kActorArticle, "actor.article", "extract/actors")                                              \
  X(kActorLabel, "actor.label", "extract/actors")                                                  \
  X(kActorNotAName, "actor.not_a_name", "extract/actors")                                          \
  X(kArticlesBodyEnd, "articles.body_end", "extract/articles")                                     \
  X(kArticlesHeading, "articles.heading", "extract/articles, extract/contract, segment/contracts") \
  X(kArticlesTocLeader, "articles.toc_leader", "extract/articles")                                 \
  X(kBreakMinutesHeading, "break.minutes_heading", "segment/paragraph_breaks")                     \
  X(kBreakSitting, "break.sitting", "segment/paragraph_breaks")                                    \
  X(kCapsHeadingDecision, "caps_heading.decision", "segment/paragraph_breaks")                     \
  X(kCapsHeadingMark, "caps_heading.mark", "segment/paragraph_breaks")                             \
  X(kCapsHeadingNot, "caps_heading.not", "segment/paragraph_breaks")                               \
  X(kContractCommunes, "contract.communes", "extract/contract")                                    \
  X(kContractGenerationClsNumber, "contract.generation.cls_number", "extract/contract")            \
  X(kContractGenerationOrdinalNumber, "contract.generation.ordinal_number", "extract/contract")    \
  X(kContractGenericShortName, "contract.generic_short_name", "extract/contract")                  \
  X(kContractHasLowerCase, "contract.has_lower_case", "extract/contract")                          \
  X(kContractHasWords, "contract.has_words", "extract/contract")                                   \
  X(kContractNamesCls, "contract.names_cls", "segment/contracts")                                  \
  X(kContractNotATitle, "contract.not_a_title", "segment/contracts")                               \
  X(kContractOwnParts, "contract.own_parts", "segment/contracts")                                  \
  X(kContractParenAcronym, "contract.paren_acronym", "extract/contract")                           \
  X(kContractPerimeterArticle, "contract.perimeter_article", "extract/contract")                   \
  X(kContractPeriod, "contract.period", "extract/contract")                                        \
  X(kContractPlaceholder, "contract.placeholder", "extract/contract")                              \
  X(kContractPopulation, "contract.population", "extract/contract")                                \
  X(kContractPreambleStart, "contract.preamble_start",                                             \
    "extract/contract, extract/parties, segment/contracts")                                        \
  X(kContractSignedBare, "contract.signed.bare", "extract/contract")                               \
  X(kContractSignedComma, "contract.signed.comma", "extract/contract")                             \
  X(kContractSignedDateFirst, "contract.signed.date_first", "extract/contract")                    \
  X(kContractSignedLe, "contract.signed.le", "extract/contract")                                   \
  X(kContractSignedPlaceDate, "contract.signed.place_date", "extract/contract")                    \
  X(kContractTerritoryKind, "contract.territory_kind", "extract/contract")                         \
  X(kContractTitle, "contract.title", "extract/contract, segment/contracts")                       \
  X(kContractTitleConnector, "contract.title_connector", "extract/contract")                       \
  X(kContractTitleContinues, "contract.title_continues", "extract/contract")                       \
  X(kContractTitleDangling, "contract.title_dangling", "extract/contract")                         \
  X(kContractTitleEnd, "contract.title_end", "extract/contract")                                   \
  X(kContractTitleLead, "contract.title_lead", "extract/contract")                                 \
  X(kContractTitleRepeated, "contract.title_repeated", "extract/contract")                         \
  X(kContractTitlePageEnd, "contract.title_page_end", "extract/contract")                          \
  X(kContractTitlePageLine, "contract.title_page_line", "extract/contract")                        \
  X(kContractTitleRunOn, "contract.title_run_on", "extract/contract, segment/contracts")           \
  X(kDelibActCode, "delib.act_code", "extract/deliberation")                                       \
  X(kDelibAttendeeCivility, "delib.attendee.civility", "extract/deliberation")                     \
  X(kDelibAttendeeCivilityGroup, "delib.attendee.civility_group", "extract/deliberation")          \
  X(kDelibAttendeeCount, "delib.attendee.count", "extract/deliberation")                           \
  X(kDelibAttendeeCountOnly, "delib.attendee.count_only", "extract/deliberation")                  \
  X(kDelibAttendeesOtherMeeting, "delib.attendees.other_meeting", "extract/deliberation")          \
  X(kDelibAttendeeDuring, "delib.attendee.during", "extract/deliberation")                         \
  X(kDelibAttendeeDuringStatus, "delib.attendee.during_status", "extract/deliberation")            \
  X(kDelibAttendeeFunction, "delib.attendee.function", "extract/deliberation")                     \
  X(kDelibAttendeeGroupCaption, "delib.attendee.group_caption", "extract/deliberation")            \
  X(kDelibAttendeeLineContinuing, "delib.attendee.line_continuing", "extract/deliberation")        \
  X(kDelibAttendeeName, "delib.attendee.name", "extract/deliberation")                             \
  X(kDelibAttendeeNonVotingNote, "delib.attendee.non_voting_note", "extract/deliberation")         \
  X(kDelibAttendeeProxyTail, "delib.attendee.proxy_tail", "extract/deliberation")                  \
  X(kDelibAttendeeReplacedBy, "delib.attendee.replaced_by", "extract/deliberation")                \
  X(kDelibAttendeeRollCall, "delib.attendee.roll_call", "extract/deliberation")                    \
  X(kDelibAttendeeSection, "delib.attendee.section", "extract/deliberation")                       \
  X(kDelibAttendeeSentence, "delib.attendee.sentence", "extract/deliberation")                     \
  X(kDelibAttendeeFor, "delib.attendee.for", "extract/deliberation")                               \
  X(kDelibAttendeeTableCell, "delib.attendee.table_cell", "extract/deliberation")                  \
  X(kDelibAttendeeTableEnd, "delib.attendee.table_end", "extract/deliberation")                    \
  X(kDelibAttendeeTableMark, "delib.attendee.table_mark", "extract/deliberation")                  \
  X(kDelibAttendeeUnfinished, "delib.attendee.unfinished", "extract/deliberation")                 \
  X(kDelibAttendeesAbsent, "delib.attendees.absent", "extract/deliberation")                       \
  X(kDelibAttendeesAbsentCaps, "delib.attendees.absent_caps", "extract/deliberation")              \
  X(kDelibAttendeesCommuneCaps, "delib.attendees.commune_caps", "extract/deliberation")            \
  X(kDelibAttendeesExcused, "delib.attendees.excused", "extract/deliberation")                     \
  X(kDelibAttendeesExcusedCaps, "delib.attendees.excused_caps", "extract/deliberation")            \
  X(kDelibAttendeesNonVotingExcused, "delib.attendees.non_voting_excused", "extract/deliberation") \
  X(kDelibAttendeesNonVotingLine, "delib.attendees.non_voting_line", "extract/deliberation")       \
  X(kDelibAttendeesNonVotingPresent, "delib.attendees.non_voting_present", "extract/deliberation") \
  X(kDelibAttendeesPresentTable, "delib.attendees.present_table", "extract/deliberation")          \
  X(kDelibAttendeesPresent, "delib.attendees.present", "extract/deliberation")                     \
  X(kDelibAttendeesPresentCaps, "delib.attendees.present_caps", "extract/deliberation")            \
  X(kDelibBodyAlone, "delib.body.alone", "extract/deliberation")                                   \
  X(kDelibBodyCollectivity, "delib.body.collectivity", "extract/deliberation")                     \
  X(kDelibBodyHeading, "delib.body.heading", "extract/deliberation")                               \
  X(kDelibBodyMeeting, "delib.body.meeting", "extract/deliberation")                               \
  X(kDelibBodyMinutes, "delib.body.minutes", "extract/deliberation")                               \
  X(kDelibBodyPlace, "delib.body.place", "extract/deliberation")                                   \
  X(kDelibBodySentence, "delib.body.sentence", "extract/deliberation")                             \
  X(kDelibClosingLine, "delib.closing_line", "segment/acts")                                       \
  X(kDelibDateLine, "delib.date_line", "segment/acts")                                             \
  X(kDelibDecide, "delib.decide", "extract/deliberation, segment/acts")                            \
  X(kDelibDelegatedDecision, "delib.delegated_decision", "extract/deliberation, segment/acts")     \
  X(kDelibDeliberated, "delib.deliberated", "extract/deliberation, segment/acts")                  \
  X(kDelibHeadingContinuation, "delib.heading_continuation", "extract/deliberation")               \
  X(kDelibItemNumbered, "delib.item.numbered", "extract/deliberation")                             \
  X(kDelibItemPoint, "delib.item.point", "extract/deliberation")                                   \
  X(kDelibItemPointRunOn, "delib.item.point_run_on", "extract/deliberation")                       \
  X(kDelibItemRoman, "delib.item.roman", "extract/deliberation, segment/acts")                     \
  X(kDelibItemRunOn, "delib.item.run_on", "extract/deliberation")                                  \
  X(kDelibLegalArticle, "delib.legal.article", "extract/deliberation")                             \
  X(kDelibLegalCited, "delib.legal.cited", "extract/deliberation")                                 \
  X(kDelibLegalClause, "delib.legal.clause", "extract/deliberation")                               \
  X(kDelibLegalCode, "delib.legal.code", "extract/deliberation")                                   \
  X(kDelibLineUnfinished, "delib.line_unfinished",                                                 \
    "extract/deliberation, segment/paragraph_breaks")                                              \
  X(kDelibMeetingDate, "delib.meeting_date", "extract/deliberation")                               \
  X(kDelibMeetingDateAlone, "delib.meeting_date.alone", "extract/deliberation")                    \
  X(kDelibMeetingDateCaps, "delib.meeting_date.caps", "extract/deliberation")                      \
  X(kDelibMeetingDateHeading, "delib.meeting_date.heading", "extract/deliberation")                \
  X(kDelibMeetingDateMinutesCaps, "delib.meeting_date.minutes_caps", "extract/deliberation")       \
  X(kDelibMeetingDateOpening, "delib.meeting_date.opening", "extract/deliberation")                \
  X(kDelibMeetingDateRunning, "delib.meeting_date.running", "extract/deliberation")                \
  X(kDelibMeetingDateSentence, "delib.meeting_date.sentence",                                      \
    "extract/deliberation, segment/acts")                                                          \
  X(kDelibMinutesApproval, "delib.minutes_approval", "segment/acts")                               \
  X(kDelibNumberCodeFirst, "delib.number.code_first", "extract/deliberation")                      \
  X(kDelibNumberCodeLast, "delib.number.code_last", "extract/deliberation")                        \
  X(kDelibNumberCoded, "delib.number.coded", "extract/deliberation")                               \
  X(kDelibNumberItem, "delib.number.item", "extract/deliberation")                                 \
  X(kDelibNumberLabelled, "delib.number.labelled", "extract/deliberation")                         \
  X(kDelibNumberObject, "delib.number.object", "extract/deliberation")                             \
  X(kDelibNumberParen, "delib.number.paren", "extract/deliberation")                               \
  X(kDelibNumberReport, "delib.number.report", "extract/deliberation")                             \
  X(kDelibOutcomeAdopted, "delib.outcome.adopted", "extract/deliberation, segment/acts")           \
  X(kDelibOutcomeRejected, "delib.outcome.rejected", "extract/deliberation")                       \
  X(kDelibPageHeading, "delib.page_heading", "extract/deliberation, segment/acts")                 \
  X(kDelibPresidentHeading, "delib.president.heading", "extract/deliberation")                     \
  X(kDelibPresidentConvocation, "delib.president.convocation", "extract/deliberation")             \
  X(kDelibPresidentFunctionOnly, "delib.president.function_only", "extract/deliberation")          \
  X(kDelibPresidentSentence, "delib.president.sentence", "extract/deliberation")                   \
  X(kDelibPresidentTitled, "delib.president.titled", "extract/deliberation")                       \
  X(kDelibRunOnSubject, "delib.run_on_subject", "extract/deliberation")                            \
  X(kDelibSecretaryAppointed, "delib.secretary.appointed", "extract/deliberation")                 \
  X(kDelibSecretaryCouncilMember, "delib.secretary.council_member", "extract/deliberation")        \
  X(kDelibSecretaryElected, "delib.secretary.elected", "extract/deliberation")                     \
  X(kDelibSecretaryLabel, "delib.secretary.label", "extract/deliberation")                         \
  X(kDelibSecretaryLabelRunOn, "delib.secretary.label_run_on", "extract/deliberation")             \
  X(kDelibSecretarySentence, "delib.secretary.sentence", "extract/deliberation")                   \
  X(kDelibSignedAtPlace, "delib.signed.at_place", "extract/deliberation")                          \
  X(kDelibSignedFait, "delib.signed.fait", "extract/deliberation")                                 \
  X(kDelibSignedPlaceDate, "delib.signed.place_date", "extract/deliberation")                      \
  X(kDelibSubject, "delib.subject", "segment/acts")                                                \
  X(kDelibSubjectLine, "delib.subject_line", "extract/deliberation, segment/acts")                 \
  X(kDelibTitleCapsLine, "delib.title.caps_line", "extract/deliberation")                          \
  X(kDelibTitleObject, "delib.title.object", "extract/deliberation")                               \
  X(kDelibVotesAbsent, "delib.votes.absent", "extract/deliberation")                               \
  X(kDelibVotesAbstention, "delib.votes.abstention", "extract/deliberation")                       \
  X(kDelibVotesAbstentionAfter, "delib.votes.abstention_after", "extract/deliberation")            \
  X(kDelibVotesAgainst, "delib.votes.against", "extract/deliberation")                             \
  X(kDelibVotesAgainstAfter, "delib.votes.against_after", "extract/deliberation")                  \
  X(kDelibVotesFor, "delib.votes.for", "extract/deliberation")                                     \
  X(kDelibVotesForAfter, "delib.votes.for_after", "extract/deliberation, segment/acts")            \
  X(kDelibVotesLine, "delib.votes.line", "extract/deliberation, segment/acts")                     \
  X(kDelibVotesUnanimous, "delib.votes.unanimous", "extract/deliberation, segment/acts")           \
  X(kDelibVotesVoters, "delib.votes.voters", "extract/deliberation")                               \
  X(kDelibVotesForNames, "delib.votes.for_names", "extract/deliberation")                          \
  X(kDelibVotesEmptyColumn, "delib.votes.empty_column", "extract/deliberation")                    \
  X(kGlossaryAcronym, "glossary.acronym", "extract/glossary")                                      \
  X(kGlossaryEntry, "glossary.entry", "extract/glossary")                                          \
  X(kGlossaryHeaderCell, "glossary.header_cell", "extract/glossary")                               \
  X(kGlossaryHeading, "glossary.heading", "extract/glossary")                                      \
  X(kGlossaryTwoCapitals, "glossary.two_capitals", "extract/glossary")                             \
  X(kItemRunMark, "item_run.mark", "segment/paragraph_breaks")                                     \
  X(kItemRunMinutes, "item_run.minutes", "segment/paragraph_breaks")                               \
  X(kPartiesAddressLine, "parties.address_line", "extract/parties")                                \
  X(kPartiesArticle, "parties.article", "extract/parties")                                         \
  X(kPartiesCapsWord, "parties.caps_word", "extract/parties")                                      \
  X(kPartiesCommitmentCommon, "parties.commitment_common", "extract/parties")                      \
  X(kPartiesCommitmentHeading, "parties.commitment_heading", "extract/parties")                    \
  X(kPartiesContinues, "parties.continues", "extract/parties")                                     \
  X(kPartiesGroupHeading, "parties.group_heading", "extract/parties")                              \
  X(kPartiesHereinafter, "parties.hereinafter", "extract/parties")                                 \
  X(kPartiesInlineSplit, "parties.inline_split", "extract/parties")                                \
  X(kPartiesInlineStart, "parties.inline_start", "extract/parties")                                \
  X(kPartiesLead, "parties.lead", "extract/parties")                                               \
  X(kPartiesLineContinued, "parties.line_continued", "extract/parties")                            \
  X(kPartiesLineContinuing, "parties.line_continuing", "extract/parties")                          \
  X(kPartiesMixedWord, "parties.mixed_word", "extract/parties")                                    \
  X(kPartiesOfficeInline, "parties.office_inline", "extract/parties")                              \
  X(kPartiesOfficeLine, "parties.office_line", "extract/parties")                                  \
  X(kPartiesOfficeStart, "parties.office_start", "extract/parties")                                \
  X(kPartiesOfficeSuffix, "parties.office_suffix", "extract/parties")                              \
  X(kPartiesOrgEnd, "parties.org_end", "extract/parties")                                          \
  X(kPartiesOrgParen, "parties.org_paren", "extract/parties")                                      \
  X(kPartiesPersonLine, "parties.person_line", "extract/parties")                                  \
  X(kPartiesPersonName, "parties.person_name", "extract/parties")                                  \
  X(kPartiesPossessive, "parties.possessive", "extract/parties")                                   \
  X(kPartiesPreambleEnd, "parties.preamble_end", "extract/parties")                                \
  X(kPartiesPreambleInline, "parties.preamble_inline", "extract/parties")                          \
  X(kPartiesProse, "parties.prose", "extract/parties")                                             \
  X(kPartiesQuoted, "parties.quoted", "extract/parties")                                           \
  X(kPartiesRepCivility, "parties.rep_civility", "extract/parties")                                \
  X(kPartiesRepEnd, "parties.rep_end", "extract/parties")                                          \
  X(kPartiesRepQuality, "parties.rep_quality", "extract/parties")                                  \
  X(kPartiesRepresented, "parties.represented", "extract/parties")                                 \
  X(kPartiesSeat, "parties.seat", "extract/parties")                                               \
  X(kPartiesSeparator, "parties.separator", "extract/parties")                                     \
  X(kPartiesSignFor, "parties.sign_for", "extract/parties")                                        \
  X(kPartiesSignForAt, "parties.sign_for_at", "extract/parties")                                   \
  X(kPartiesSignForInline, "parties.sign_for_inline", "extract/parties")                           \
  X(kPartiesSignForRunOn, "parties.sign_for_run_on", "extract/parties")                            \
  X(kPartiesSignName, "parties.sign_name", "extract/parties")                                      \
  X(kPartiesSignRegionEnd, "parties.sign_region_end", "extract/parties")                           \
  X(kPartiesSignTitle, "parties.sign_title", "extract/parties")                                    \
  X(kPartiesSignTitleName, "parties.sign_title_name", "extract/parties")                           \
  X(kPartiesSignal, "parties.signal", "extract/parties")                                           \
  X(kPartiesStartsParty, "parties.starts_party", "extract/parties")                                \
  X(kPlanAction, "plan.action", "extract/plan_headings, extract/plan_tables")                      \
  X(kPlanActionBare, "plan.action_bare", "extract/plan_headings")                                  \
  X(kPlanActorLine, "plan.actor_line", "extract/plan_headings")                                    \
  X(kPlanDescriptionCut, "plan.description_cut", "extract/plan_tables")                            \
  X(kPlanObjective, "plan.objective", "extract/plan_headings")                                     \
  X(kPlanObjectiveParen, "plan.objective_paren", "extract/plan_headings")                          \
  X(kPlanOperation, "plan.operation", "extract/plan_headings")                                     \
  X(kPlanOperationList, "plan.operation_list", "extract/plan_headings")                            \
  X(kPlanOperationPrefixed, "plan.operation_prefixed", "extract/plan_headings")                    \
  X(kPlanOrientation, "plan.orientation", "extract/plan_headings")                                 \
  X(kPlanOrientationLetter, "plan.orientation_letter", "extract/plan_headings")                    \
  X(kPlanOrientationObjective, "plan.orientation_objective", "extract/plan_headings")              \
  X(kPlanSectionEnd, "plan.section_end", "extract/plan_headings")                                  \
  X(kPlanTocLine, "plan.toc_line", "extract/plan_headings")                                        \
  X(kPlanTocStart, "plan.toc_start", "extract/plan_headings")                                      \
  X(kTableActionCell, "table.action_cell", "extract/plan_tables")                                  \
  X(kTableActionLabel, "table.action_label", "extract/plan_tables")                                \
  X(kTableAxisCell, "table.axis_cell", "extract/plan_tables")                                      \
  X(kTableCodeCell, "table.code_cell", "extract/plan_tables")                                      \
  X(kTableColAction, "table.col.action", "extract/plan_tables")                                    \
  X(kTableColActionTitle, "table.col.action_title", "extract/plan_tables")                         \
  X(kTableColAxis, "table.col.axis", "extract/plan_tables")                                        \
  X(kTableColCalendar, "table.col.calendar", "extract/plan_tables")                                \
  X(kTableColCode, "table.col.code", "extract/plan_tables")                                        \
  X(kTableColDescription, "table.col.description", "extract/plan_tables")                          \
  X(kTableColFunder, "table.col.funder", "extract/plan_tables")                                    \
  X(kTableColIndicator, "table.col.indicator", "extract/plan_tables")                              \
  X(kTableColIndicatorQualitative, "table.col.indicator_qualitative", "extract/plan_tables")       \
  X(kTableColIndicatorQuantitative, "table.col.indicator_quantitative", "extract/plan_tables")     \
  X(kTableColObjective, "table.col.objective", "extract/plan_tables")                              \
  X(kTableColOperation, "table.col.operation", "extract/plan_tables")                              \
  X(kTableColOther, "table.col.other", "extract/plan_tables")                                      \
  X(kTableColPartner, "table.col.partner", "extract/plan_tables")                                  \
  X(kTableColPilot, "table.col.pilot", "extract/plan_tables")                                      \
  X(kTableColPublic, "table.col.public", "extract/plan_tables")                                    \
  X(kTableColSector, "table.col.sector", "extract/plan_tables")                                    \
  X(kTableColYear, "table.col.year", "extract/plan_tables")                                        \
  X(kTableIndicatorJoinedWord, "table.indicator_joined_word", "extract/plan_tables")               \
  X(kTableObjectiveCell, "table.objective_cell", "extract/plan_tables")                            \
  X(kTableOperationCell, "table.operation_cell", "extract/plan_tables")                            \
  X(kTableYearInText, "table.year_in_text", "extract/plan_tables")                                 \
  X(kTableYearRangeInText, "table.year_range_in_text", "extract/plan_tables")                      \
  X(kTitleContinuation, "title.continuation", "extract/document_title")                            \
  X(kTitleHeading, "title.heading", "extract/document_title")                                      \
  X(kTitleHeadlineEnd, "title.headline_end", "extract/document_title")                             \
  X(kTitleRunOnDated, "title.run_on.dated", "extract/document_title")                              \
  X(kTitleRunOnUndated, "title.run_on.undated", "extract/document_title")                          \
  X(kTitleLabel, "title.label", "extract/document_title")                                          \
  X(kTitleAssembly, "title.assembly", "extract/document_title")                                    \
  X(kTitleAssemblyEnd, "title.assembly_end", "extract/document_title")                             \
  X(kTitleInLine, "title.in_line", "extract/document_title")                                       \
  X(kTitleInSentence, "title.in_sentence", "extract/document_title")                               \
  X(kTitleRegister, "title.register", "extract/document_title")                                    \
  X(kTitleKeyword, "title.keyword", "extract/document_title")                                      \
  X(kTitleMeeting, "title.meeting", "extract/document_title")                                      \
  X(kTitleReport, "title.report", "extract/document_title")                                        \
  X(kTitleSitting, "title.sitting", "extract/document_title")                                      \
  X(kTransmissionId, "transmission.id", "extract/transmission")                                    \
  X(kTransmissionIdAcknowledged, "transmission.id_acknowledged", "extract/transmission")           \
  X(kTransmissionIdBare, "transmission.id_bare", "extract/transmission")                           \
  X(kTransmissionPublished, "transmission.published", "extract/transmission")                      \
  X(kTransmissionReceived, "transmission.received", "extract/transmission")                        \
  X(kTransmissionSent, "transmission.sent", "extract/transmission")

// X(enumerator, name prefix, steps that read every rule of the family)
#define CLSDB_REQUIRED_RULE_FAMILIES(X)                                \
  X(kActorKeep, "actor.keep.", "extract/actors")                       \
  X(kActorSharedHead, "actor.shared_head.", "extract/actors")          \
  X(kActorSplit, "actor.split.", "extract/actors")                     \
  X(kBreak, "break.", "segment/paragraph_breaks")                      \
  X(kContractGeneration, "contract.generation.", "extract/contract")   \
  X(kDate, "date.", "extract/dates")                                   \
  X(kDelibAttendees, "delib.attendees.", "extract/deliberation")       \
  X(kDelibItem, "delib.item.", "segment/acts")                         \
  X(kDelibNumber, "delib.number.", "segment/acts")                     \
  X(kDoctypeBody, "doctype.body.", "segment/classify")                 \
  X(kDoctypeHead, "doctype.head.", "segment/classify")                 \
  X(kOcr, "ocr.", "repair/ocr_repair")                                 \
  X(kOrganizationKind, "organization.kind.", "organize/organizations") \
  X(kPlan, "plan.", "extract/plan_headings")                           \
  X(kTableCol, "table.col.", "extract/plan_tables")                    \
  X(kTableIndicatorSplit, "table.indicator_split.", "extract/plan_tables")

#define CLSDB_ENUMERATOR(id, name, step) id,
enum class RuleId : int { CLSDB_REQUIRED_RULES(CLSDB_ENUMERATOR) };
enum class RuleFamily : int { CLSDB_REQUIRED_RULE_FAMILIES(CLSDB_ENUMERATOR) };
#undef CLSDB_ENUMERATOR

// One line of the lists above.
struct RuleRequirement {
  std::string_view name;  // the rule's name, or the family's prefix
  std::string_view step;  // "extract/parties": the source file(s) that read it
};

// std::to_array, not std::array's deduction guide: the guide is a fold
// expression over every element, and clang stops at 256 of them.
#define CLSDB_REQUIREMENT(id, name, step) RuleRequirement{name, step},
inline constexpr auto kRequiredRules =
    std::to_array<RuleRequirement>({CLSDB_REQUIRED_RULES(CLSDB_REQUIREMENT)});
inline constexpr auto kRequiredFamilies =
    std::to_array<RuleRequirement>({CLSDB_REQUIRED_RULE_FAMILIES(CLSDB_REQUIREMENT)});
#undef CLSDB_REQUIREMENT

constexpr const RuleRequirement& Requirement(RuleId id) {
  return kRequiredRules[static_cast<size_t>(id)];
}
constexpr const RuleRequirement& Requirement(RuleFamily family) {
  return kRequiredFamilies[static_cast<size_t>(family)];
}
// The rule's name, for provenance and messages.
constexpr std::string_view RuleName(RuleId id) { return Requirement(id).name; }

// Provenance that names no rule: a fact the document's structure gave (its
// place in a segment, a list or a table) rather than one rule's match.
// Every stored `rule` column holds a rule's name or one of these; a rule
// file may not define a name that starts with kStructurePrefix.
inline constexpr std::string_view kStructurePrefix = "structure.";
// A deliberation: the act segmentation found (its first block).
inline constexpr std::string_view kStructureAct = "structure.act";
// A party read from the preamble's list of parties ("Entre …, et …").
inline constexpr std::string_view kStructurePreambleParty = "structure.preamble_party";
// A signatory read from the signature region after "Fait à".
inline constexpr std::string_view kStructureSignature = "structure.signature";
// A glossary entry read from a two-column table under a glossary heading.
inline constexpr std::string_view kStructureGlossaryRow = "structure.glossary_row";
// An act approves a contract: the act is its document's only one, and the
// contract is annexed to it (extract/links.cc).
inline constexpr std::string_view kStructureAnnexedContract = "structure.annexed_contract";
// An act approves a contract: of several acts, the one whose text names the
// contract's CLS by its acronym, territory or title (extract/links.cc).
inline constexpr std::string_view kStructureNamedContract = "structure.named_contract";
inline constexpr std::array kStructureMarkers = {
    kStructureAct,         kStructurePreambleParty,   kStructureSignature,
    kStructureGlossaryRow, kStructureAnnexedContract, kStructureNamedContract};

}  // namespace clsdb

#endif  // CLSDB_RULES_REQUIRED_RULES_H_
