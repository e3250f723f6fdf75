#include "brands/brand_registry.hpp"

#include <fstream>
#include <gtest/gtest.h>

#include "core/id.hpp"

namespace snai::brands {
namespace {

namespace fs = std::filesystem;

fs::path temp_file(const std::string& name, const std::string& text) {
  auto p = fs::temp_directory_path() / ("snai_brands_" + random_token(4) + "_" + name);
  std::ofstream(p) << text;
  return p;
}

TEST(BrandRegistry, NormalisesSpacingCasePunctuationAndAccents) {
  EXPECT_EQ(normalize_brand("Git-Hub Inc."), "githubinc");
  EXPECT_EQ(normalize_brand("Café Crème"), "cafecreme");
  EXPECT_EQ(normalize_brand("ÉCOLE"), "ecole");
  EXPECT_EQ(normalize_brand("🚀"), "");
}

TEST(BrandRegistry, ReadsSimpleIconsTitlesAndEveryKindOfAlias) {
  auto file = temp_file("icons.json", R"([
    {"title": "GitHub", "slug": "github", "aliases": {"aka": ["GH"]}},
    {"title": ".ENV", "aliases": {"aka": ["Dotenv"], "loc": {"de-DE": "Punkt Env"}}},
    {"title": "Xero", "aliases": {"dup": [{"title": "Xero Go", "hex": "000000"}]}},
    {"slug": "no-title"}
  ])");
  auto brands = read_simple_icons(file);
  ASSERT_TRUE(brands) << brands.error().message;
  ASSERT_EQ(brands->size(), 3u);
  auto registry = BrandRegistry::from(*brands);
  EXPECT_TRUE(registry.contains("github"));
  EXPECT_TRUE(registry.contains("gh"));
  EXPECT_TRUE(registry.contains("dotenv"));
  EXPECT_TRUE(registry.contains("Punkt Env"));
  EXPECT_TRUE(registry.contains("XeroGo"));
  EXPECT_FALSE(registry.contains("Gitter"));
  EXPECT_EQ(registry.find("G.H.")->name, "GitHub");
}

TEST(BrandRegistry, ArtifactRoundTrips) {
  auto out = fs::temp_directory_path() / ("snai_brands_" + random_token(4) + ".tsv");
  ASSERT_TRUE(write_brands({{"Notion", {"Notion Labs"}, "simple-icons"}, {"Figma", {}, "simple-icons"}}, out));
  auto loaded = BrandRegistry::load(out);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->size(), 2u);
  EXPECT_TRUE(loaded->contains("notion labs"));
  EXPECT_EQ(loaded->find("figma")->source, "simple-icons");
}

TEST(BrandRegistry, BadFilesAreErrorsNotCrashes) {
  EXPECT_EQ(BrandRegistry::load("/nonexistent/brands.tsv").error().code, ErrorCode::not_found);
  EXPECT_EQ(BrandRegistry::load(temp_file("foreign.tsv", "hello\n")).error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(BrandRegistry::load(temp_file("short.tsv", "snai-brands\t1\nonly-one-field\n")).error().code,
            ErrorCode::data_corrupt);
  EXPECT_EQ(read_simple_icons(temp_file("bad.json", "{not json")).error().code, ErrorCode::data_corrupt);
  EXPECT_NE(read_simple_icons("/nonexistent.json").error().message.find("simple-icons"), std::string::npos);
}

TEST(BrandRegistry, TheInstalledSimpleIconsPackageHasThousandsOfBrands) {
  fs::path installed = fs::path(SNAI_SOURCE_DIR) / "data/node_modules/simple-icons/data/simple-icons.json";
  auto brands = read_simple_icons(installed);
  ASSERT_TRUE(brands) << brands.error().message;
  EXPECT_GT(brands->size(), 3000u);
  auto registry = BrandRegistry::from(*brands);
  for (auto known : {"GitHub", "Notion", "Figma", "Stripe", "Docker"}) EXPECT_TRUE(registry.contains(known)) << known;
}

}  // namespace
}  // namespace snai::brands
