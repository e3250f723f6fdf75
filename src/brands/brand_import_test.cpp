#include "brands/brand_import.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "core/id.hpp"

namespace snai::brands {
namespace {

namespace fs = std::filesystem;

fs::path scratch() {
  auto dir = fs::temp_directory_path() / ("snai_import_" + random_token(4));
  fs::create_directories(dir);
  return dir;
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
  auto p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> names(const std::vector<Brand>& brands) {
  std::vector<std::string> out;
  for (const auto& b : brands) out.push_back(b.name);
  return out;
}

TEST(BrandImport, ReadsCsvByItsNameColumnWithQuotesAndExtraColumns) {
  auto dir = scratch();
  auto file = write(dir, "companies.csv",
                    "\xEF\xBB\xBFyear,Name,industry\r\n"
                    "2009,Stripe,payments\r\n"
                    "2012,\"Acme, Inc.\",\"tools, \"\"hardware\"\"\"\r\n"
                    "\r\n"
                    "2015,\"Two\nLines\",x\n");
  auto brands = read_brand_list(file);
  ASSERT_FALSE(brands) << "a name with a line break cannot be stored";
  EXPECT_NE(brands.error().message.find("companies.csv:5"), std::string::npos) << brands.error().message;

  file = write(dir, "companies.csv", "year,Name,industry\n2009,Stripe,payments\n2012,\"Acme, Inc.\",tools\n");
  brands = read_brand_list(file);
  ASSERT_TRUE(brands) << brands.error().message;
  EXPECT_EQ(names(*brands), (std::vector<std::string>{"Stripe", "Acme, Inc."}));
  EXPECT_EQ(brands->front().source, "companies.csv");
}

TEST(BrandImport, ReadsTsvPlainListsAndSimpleIconsJson) {
  auto dir = scratch();
  auto tsv = read_brand_list(write(dir, "marks.tsv", "serial\tname\n1\tLyft\n2\tFlickr\n3\tlyft\n"));
  ASSERT_TRUE(tsv) << tsv.error().message;
  EXPECT_EQ(names(*tsv), (std::vector<std::string>{"Lyft", "Flickr"})) << "duplicates by normalised name merge";

  auto plain = read_brand_list(write(dir, "list.txt", "# competitors\nNotion\n\n  Acme, Inc.  \nCoda\n"));
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(names(*plain), (std::vector<std::string>{"Notion", "Acme, Inc.", "Coda"}));

  auto json = read_brand_list(write(dir, "icons.json", R"([{"title":"Figma","aliases":{"aka":["Figma Design"]}}])"));
  ASSERT_TRUE(json) << json.error().message;
  ASSERT_EQ(json->size(), 1u);
  EXPECT_EQ(json->front().aliases, (std::vector<std::string>{"Figma Design"}));
}

TEST(BrandImport, BadFilesNameTheLine) {
  auto dir = scratch();
  struct Case {
    std::string file, text, expect;
  } cases[] = {
      {"a.csv", "title,year\nStripe,2009\n", "a.csv:1: the header row has no `name` column"},
      {"b.csv", "name,year\nStripe,2009\n\"Open,2010\n", "b.csv:3: quote opened here is never closed"},
      {"c.tsv", "id\tname\n1\tLyft\n2\n", "c.tsv:3: 1 field(s), but `name` is column 2"},
      {"d.csv", "name\nStripe\n\"\"\n", "d.csv:3: empty name"},
      {"e.txt", "Stripe\nA|B\n", "e.txt:2: name holds"},
      {"f.txt", "Stripe\n\xF0\x9F\x9A\x80\n", "f.txt:2: name \"\xF0\x9F\x9A\x80\" has no letters or digits"},
      {"g.json", "[{\"title\": \"Figma\"},\n{\"title\": }]", "g.json:2: not valid JSON"},
      {"h.txt", "  \n\n", "is empty"},
  };
  for (const auto& c : cases) {
    auto brands = read_brand_list(write(dir, c.file, c.text));
    ASSERT_FALSE(brands) << c.file;
    EXPECT_EQ(brands.error().code, ErrorCode::invalid_argument) << c.file;
    EXPECT_NE(brands.error().message.find(c.expect), std::string::npos) << brands.error().message;
  }
  auto missing = read_brand_list(dir / "nope.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST(BrandImport, MergesIntoTheUserFileAndKeepsItOnFailure) {
  auto dir = scratch();
  auto user = dir / "data" / std::string(kUserBrandsArtifactName);
  auto first = import_brands(write(dir, "one.txt", "Stripe\nLyft\n"), user);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->added, 2u);
  EXPECT_EQ(first->total, 2u);

  auto second = import_brands(write(dir, "two.csv", "name\nlyft\nNotion\n"), user);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->read, 2u);
  EXPECT_EQ(second->added, 1u);
  EXPECT_EQ(second->already_listed, 1u);
  EXPECT_EQ(second->total, 3u);

  auto before = slurp(user);
  auto bad = import_brands(write(dir, "bad.csv", "name\nFigma\n\"Broken\n"), user);
  ASSERT_FALSE(bad);
  EXPECT_EQ(slurp(user), before) << "a bad file changes nothing";

  auto registry = BrandRegistry::load(user);
  ASSERT_TRUE(registry) << registry.error().message;
  EXPECT_TRUE(registry->contains("notion"));
  EXPECT_EQ(registry->find("Lyft")->source, "one.txt");
  for (const auto& entry : fs::directory_iterator(user.parent_path()))
    EXPECT_EQ(entry.path().filename(), user.filename()) << "no temporary file left behind";

  // A corrupt user file is reported, never overwritten.
  std::ofstream(user, std::ios::trunc) << "garbage\n";
  auto onto_corrupt = import_brands(write(dir, "three.txt", "Coda\n"), user);
  ASSERT_FALSE(onto_corrupt);
  EXPECT_EQ(onto_corrupt.error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(slurp(user), "garbage\n");
}

TEST(BrandImport, LoadsTheRegistryWithTheUsersBrands) {
  auto dir = scratch();
  auto artifact = dir / "brands.tsv";
  ASSERT_TRUE(write_brands({{"GitHub", {"GH"}, "simple-icons"}}, artifact));
  auto user = dir / "user_brands.tsv";
  auto alone = load_brands_with_user(artifact, user);
  ASSERT_TRUE(alone) << alone.error().message;
  EXPECT_EQ(alone->size(), 1u);
  ASSERT_TRUE(import_brands(write(dir, "mine.txt", "Acme\ngithub\n"), user));
  auto both = load_brands_with_user(artifact, user);
  ASSERT_TRUE(both) << both.error().message;
  EXPECT_TRUE(both->contains("acme"));
  EXPECT_EQ(both->find("github")->source, "simple-icons");
}

}  // namespace
}  // namespace snai::brands
