#include "screening/internal/curated_words.hpp"


namespace snai::screening::internal {
namespace {

// Where this list comes from: the English list of LDNOOBW ("List of Dirty, Naughty, Obscene,
// and Otherwise Bad Words", github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words,
// the list Shutterstock published for its search filters) served as the reference for the
// categories; words were kept by hand with these criteria:
//   - an ordinary English reader takes the word, standing alone in a brand name, as obscene,
//     sexual, excretory, a slur, a hate symbol or sexual violence;
//   - WordNet (the installable source NameScreen reads first) does not already mark every one
//     of its senses obscene/slur — e.g. "cunt", "dick", "pussy", "ass" have innocent senses
//     there, and "penis", "whore", "rapist", "nazi" are not marked at all;
//   - no multi-word phrases, no leetspeak or misspellings (the generator does not make them),
//     nothing merely impolite ("damn", "hell", "sucks"), nothing with a common innocent brand
//     use ("butt", "naked", "sperm", "hooker", "pimp", "screw", "tool", "queen").
// `severe` marks the few that almost never start or end an innocent word, so that an invented
// word beginning or ending with them ("fuckly", "datashit") is flagged too; "anal"
// (analytics), "cock" (cockpit), "dick" (dickens), "rape" (grape) are deliberately not severe.
constexpr CuratedWord kOffensive[] = {
    // profanity and excretion
    {"fuck", true, "profanity"},      {"fucked", true, "profanity"},   {"fucker", true, "profanity"},   {"fucking", true, "profanity"},
    {"motherfucker", true, "profanity"}, {"shit", true, "profanity"},  {"shitty", true, "profanity"},
    {"bullshit", true, "profanity"},  {"cunt", true, "profanity"},     {"twat", true, "profanity"},
    {"wank", true, "profanity"},      {"wanker", true, "profanity"},   {"bitch", true, "profanity"},
    {"piss", true, "profanity"},      {"bastard", false, "profanity"}, {"asshole", true, "profanity"},
    {"arsehole", true, "profanity"},  {"ass", false, "profanity"},     {"arse", false, "profanity"},
    {"crap", false, "profanity"},     {"bollocks", true, "profanity"}, {"bugger", false, "profanity"},
    {"turd", false, "excretion"},     {"fart", false, "excretion"},    {"poop", false, "excretion"},
    {"dickhead", true, "profanity"},  {"douche", false, "profanity"},  {"douchebag", true, "profanity"},
    {"jackass", false, "profanity"},
    // sexual anatomy and acts
    {"penis", true, "sexual"},        {"vagina", true, "sexual"},      {"vulva", false, "sexual"},
    {"clitoris", true, "sexual"},     {"scrotum", true, "sexual"},     {"testicle", false, "sexual"},
    {"testicles", false, "sexual"},   {"genital", false, "sexual"},    {"genitals", false, "sexual"},
    {"genitalia", false, "sexual"},   {"anus", false, "sexual"},       {"anal", false, "sexual"},
    {"rectum", false, "sexual"},      {"cock", false, "sexual"},       {"dick", false, "sexual"},
    {"prick", false, "sexual"},       {"pussy", false, "sexual"},      {"tits", false, "sexual"},
    {"tit", false, "sexual"},         {"titty", false, "sexual"},      {"boob", false, "sexual"},
    {"boobs", false, "sexual"},       {"cum", false, "sexual"},        {"jizz", true, "sexual"},
    {"semen", false, "sexual"},       {"orgasm", true, "sexual"},      {"dildo", true, "sexual"},
    {"porn", true, "sexual"},         {"porno", true, "sexual"},       {"sex", false, "sexual"},
    {"blowjob", true, "sexual"},      {"handjob", true, "sexual"},     {"horny", false, "sexual"},
    {"whore", true, "sexual"},        {"slut", true, "sexual"},        {"skank", false, "sexual"},
    {"erotic", false, "sexual"},      {"fetish", false, "sexual"},
    // sexual violence and abuse
    {"rape", false, "sexual violence"}, {"raped", false, "sexual violence"}, {"raping", false, "sexual violence"},
    {"rapist", true, "sexual violence"},
    {"molest", false, "sexual violence"}, {"molested", false, "sexual violence"},
    {"molesting", false, "sexual violence"}, {"molester", false, "sexual violence"},
    {"molestation", false, "sexual violence"},
    {"pedophile", true, "sexual violence"}, {"paedophile", true, "sexual violence"},
    {"incest", false, "sexual violence"},
    // slurs WordNet leaves unmarked or marks in one sense of several
    {"nigger", true, "slur"},         {"nigga", true, "slur"},         {"faggot", true, "slur"},
    {"fag", false, "slur"},           {"dyke", false, "slur"},         {"tranny", false, "slur"},
    {"retard", false, "slur"},        {"spic", false, "slur"},         {"chink", false, "slur"},
    {"gook", false, "slur"},          {"kike", true, "slur"},          {"wetback", true, "slur"},
    // hate symbols and figures
    {"nazi", true, "hate"},           {"nazis", true, "hate"},         {"nazism", true, "hate"},         {"hitler", true, "hate"},
    {"swastika", false, "hate"},
};

// WordNet lists these only in an ethnic-slur synset, so every sense of them looks offensive,
// but in a name they read as the common given names.
constexpr std::string_view kNotOffensive[] = {"jerry", "mick", "mickey"};

// Standard English function words (articles, pronouns, determiners, prepositions,
// conjunctions, auxiliaries and modal verbs), as in common stop-word lists.
constexpr std::string_view kFunctionWords[] = {
    "a",     "about", "above", "after", "all",   "an",    "and",   "any",   "are",   "as",
    "at",    "be",    "been",  "before", "being", "below", "both",  "but",   "by",    "can",
    "could", "did",   "do",    "does",  "down",  "each",  "even",  "every", "few",   "for",
    "from",  "had",   "has",   "have",  "he",    "her",   "here",  "hers",  "him",   "his",
    "how",   "i",     "if",    "in",    "into",  "is",    "it",    "its",   "just",  "may",
    "me",    "might", "mine",  "more",  "most",  "much",  "must",  "my",    "no",    "nor",
    "not",   "now",   "of",    "off",   "on",    "once",  "only",  "onto",  "or",    "our",
    "ours",  "out",   "over",  "own",   "she",   "should", "so",   "some",  "such",  "than",
    "that",  "the",   "their", "them",  "then",  "there", "these", "they",  "this",  "those",
    "to",    "too",   "under", "until", "up",    "upon",  "us",    "very",  "was",   "we",
    "were",  "what",  "when",  "where", "which", "who",   "whom",  "why",   "will",  "with",
    "would", "you",
};

}  // namespace

std::span<const CuratedWord> curated_offensive_words() { return kOffensive; }
std::span<const std::string_view> not_offensive_in_names() { return kNotOffensive; }
std::span<const std::string_view> function_words() { return kFunctionWords; }

}  // namespace snai::screening::internal
