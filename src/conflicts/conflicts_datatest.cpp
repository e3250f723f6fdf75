// Brand conflicts on the real artifacts: the simple-icons registry, the lexicon (CMU + espeak-ng)
// and the embeddings from SNAI_TEST_DATA_DIR, built by scripts/test.sh with `snai data build`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "conflicts/conflict_index.hpp"
#include "conflicts/conflict_json.hpp"

namespace snai::conflicts {
namespace {

namespace fs = std::filesystem;

struct Loaded {
  lexicon::Lexicon lexicon;
  semantic::Embeddings embeddings;
  brands::BrandRegistry registry;
  lexicon::Pronouncer pronouncer{lexicon};
  std::optional<ConflictIndex> index;
};
Loaded* loaded = nullptr;

class ConflictsData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    ASSERT_TRUE(dir) << "SNAI_TEST_DATA_DIR is not set: run through `make test` (it builds the data first)";
    fs::path data = fs::path(dir) / "data";
    auto lex = lexicon::Lexicon::open(data / "lexicon.bin");
    ASSERT_TRUE(lex) << lex.error().message;
    auto emb = semantic::Embeddings::load(data / "embeddings.bin");
    ASSERT_TRUE(emb) << emb.error().message;
    auto registry = brands::BrandRegistry::load(data / "brands.tsv");
    ASSERT_TRUE(registry) << registry.error().message;
    loaded = new Loaded{std::move(*lex), std::move(*emb), std::move(*registry)};
    auto index = ConflictIndex::build(loaded->registry, {.pronouncer = &loaded->pronouncer,
                                                         .embeddings = &loaded->embeddings});
    ASSERT_TRUE(index) << index.error().message;
    loaded->index = std::move(*index);
  }
  static void TearDownTestSuite() {
    delete loaded;
    loaded = nullptr;
  }

  // The match for `brand` among the name's matches, if any.
  static std::optional<ConflictMatch> match_for(std::string_view name, std::string_view brand) {
    auto matches = loaded->index->find(name, 10);
    EXPECT_TRUE(matches) << name;
    if (matches)
      for (const auto& m : *matches)
        if (m.brand == brand) return m;
    return std::nullopt;
  }
};

TEST_F(ConflictsData, IndexesTheWholeRegistry) {
  EXPECT_GE(loaded->index->brand_count(), 3000u);
  EXPECT_EQ(loaded->index->brand_count(), loaded->registry.size());
}

TEST_F(ConflictsData, RespellingsAndSoundAlikesOfRealBrandsAreHighRisk) {
  struct Case {
    const char* name;
    const char* brand;
  } cases[] = {{"Lift", "Lyft"},        {"Strype", "Stripe"},   {"Stryp", "Stripe"},   {"Strlpe", "Stripe"},
               {"Flicker", "Flickr"},   {"Tumbler", "Tumblr"},  {"Spotifie", "Spotify"}, {"Paypall", "PayPal"},
               {"Shopifi", "Shopify"},  {"Dropbocks", "Dropbox"}, {"Figmah", "Figma"},  {"Noshun", "Notion"},
               {"Redditt", "Reddit"},   {"Oober", "Uber"}};
  for (const auto& c : cases) {
    auto m = match_for(c.name, c.brand);
    ASSERT_TRUE(m) << c.name << " should match " << c.brand;
    EXPECT_EQ(m->risk, Risk::high) << c.name << " vs " << c.brand << ": " << m->reason << " (spelling "
                                   << m->spelling << ", sound " << m->sound << ")";
  }
  auto lift = match_for("Lift", "Lyft");
  ASSERT_TRUE(lift);
  EXPECT_EQ(lift->reason, "sounds like Lyft");
  auto exact = match_for("stripe", "Stripe");
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->reason, "same name as Stripe");
}

TEST_F(ConflictsData, InventedNamesFarFromEveryBrandAreNotHighRisk) {
  for (const char* name : {"Zumvoqa", "Quendravix", "Molvetrasu", "Plinthora", "Vexupral", "Gorbanthe", "Trudvelm",
                           "Shemquist"}) {
    auto matches = loaded->index->find(name, 10);
    ASSERT_TRUE(matches) << name;
    for (const auto& m : *matches)
      EXPECT_NE(m.risk, Risk::high) << name << " vs " << m.brand << ": " << m.reason;
  }
}

TEST_F(ConflictsData, MeaningAloneNeverMakesHighRisk) {
  for (const char* name : {"Payments", "Photos", "Music", "Messenger", "Notes", "Storage", "Chat", "Video"}) {
    auto matches = loaded->index->find(name, 10);
    ASSERT_TRUE(matches) << name;
    for (const auto& m : *matches) {
      if (m.risk != Risk::high) continue;
      EXPECT_TRUE(m.spelling >= 0.7 || m.sound >= 0.75 || m.reason.starts_with("contains"))
          << name << " vs " << m.brand << ": " << m.reason;
    }
  }
}

TEST_F(ConflictsData, AQueryWithoutMeaningIsTheQueryOfAnIndexWithoutVectors) {
  auto spelling_and_sound = ConflictIndex::build(loaded->registry, {.pronouncer = &loaded->pronouncer},
                                                 {.meaning_candidates = 0});
  ASSERT_TRUE(spelling_and_sound);
  int meaning_seen = 0;
  for (const char* name : {"Lift", "Strype", "Notely", "Cloudwise", "Paypall", "Zentrix", "Moneyfy", "Scribewell"}) {
    auto without = loaded->index->find(name, 5, {.meaning = false});
    auto reference = spelling_and_sound->find(name, 5);
    ASSERT_TRUE(without && reference) << name;
    ASSERT_EQ(without->size(), reference->size()) << name;
    for (std::size_t i = 0; i < without->size(); ++i) {
      EXPECT_EQ((*without)[i].brand, (*reference)[i].brand) << name;
      EXPECT_EQ((*without)[i].risk, (*reference)[i].risk) << name;
      EXPECT_EQ((*without)[i].meaning, 0.0) << name;
    }
    auto with = loaded->index->find(name, 5);
    ASSERT_TRUE(with);
    for (const auto& m : *with) meaning_seen += m.meaning > 0;
  }
  EXPECT_GT(meaning_seen, 0) << "the same index still answers by meaning when asked to";
}

TEST_F(ConflictsData, ResultsComeInInputOrderInTheFixedShape) {
  auto results = loaded->index->check({"Flicker", "Zumvoqa", "Lift"}, 3);
  ASSERT_TRUE(results) << results.error().message;
  auto json = to_json(*results);
  ASSERT_EQ(json["results"].size(), 3u);
  EXPECT_EQ(json["results"][0]["name"], "Flicker");
  EXPECT_EQ(json["results"][2]["name"], "Lift");
  EXPECT_EQ(json["results"][2]["matches"][0]["brand"], "Lyft");
  EXPECT_EQ(json["results"][2]["matches"][0]["risk"], "high");
  for (const auto& r : json["results"])
    for (const auto& m : r["matches"])
      for (const char* key : {"brand", "risk", "spelling", "sound", "meaning", "reason"}) EXPECT_TRUE(m.contains(key));
}

}  // namespace
}  // namespace snai::conflicts
