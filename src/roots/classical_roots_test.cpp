// The classical-roots table: integrity (forms, meanings, uniqueness, size) and the lookups the
// `foreign` style relies on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <thread>

#include "roots/classical_roots.hpp"

namespace snai::roots {
namespace {

bool lower_alpha(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Every form of every root meaning `word`, as "greek:phot" / "latin:luc".
std::set<std::string> forms_meaning(std::string_view word) {
  std::set<std::string> out;
  for (const auto* root : roots_meaning(word))
    for (auto form : root->forms) out.insert(std::string(to_string(root->language)) + ":" + std::string(form));
  return out;
}

TEST(ClassicalRoots, TableIsWellFormed) {
  auto roots = classical_roots();
  std::size_t root_count = 0, whole_words = 0;
  std::set<std::pair<std::string_view, ClassicalLanguage>> seen;
  for (const auto& r : roots) {
    ASSERT_FALSE(r.forms.empty());
    EXPECT_FALSE(r.meanings.empty()) << r.forms.front();
    EXPECT_FALSE(r.examples.empty()) << r.forms.front();
    for (auto f : r.forms) EXPECT_TRUE(lower_alpha(f)) << "form '" << f << "'";
    for (auto m : r.meanings) EXPECT_TRUE(lower_alpha(m)) << "meaning '" << m << "' of " << r.forms.front();
    for (auto e : r.examples) EXPECT_TRUE(lower_alpha(e)) << "example '" << e << "' of " << r.forms.front();
    EXPECT_TRUE(seen.insert({r.forms.front(), r.language}).second)
        << "duplicate root " << r.forms.front() << " (" << to_string(r.language) << ")";
    (r.whole_word ? whole_words : root_count) += 1;
  }
  EXPECT_GE(root_count, 300u);
  EXPECT_GE(whole_words, 50u);
  EXPECT_EQ(to_string(ClassicalLanguage::greek), "greek");
}

TEST(ClassicalRoots, WholeWordsIncludeTheWellKnownOnes) {
  std::set<std::string_view> words;
  for (const auto& r : classical_roots())
    if (r.whole_word) words.insert(r.forms.front());
  for (auto w : {"nova", "vita", "terra", "aqua", "lumen", "scriba", "medicus", "nota", "lux", "astra", "logos"})
    EXPECT_TRUE(words.contains(w)) << w;
}

TEST(ClassicalRoots, LooksUpRootsByEnglishMeaning) {
  using ::testing::IsSupersetOf;
  EXPECT_THAT(forms_meaning("light"), IsSupersetOf({"latin:luc", "latin:lux", "latin:lumin", "greek:phot", "latin:lumen"}));
  EXPECT_THAT(forms_meaning("write"), IsSupersetOf({"latin:scrib", "latin:script", "greek:graph"}));
  EXPECT_THAT(forms_meaning("doctor"), IsSupersetOf({"latin:medic", "greek:iatr", "latin:medicus"}));
  EXPECT_THAT(forms_meaning("heal"), IsSupersetOf({"latin:medic", "greek:iatr"}));
  EXPECT_THAT(forms_meaning("note"), IsSupersetOf({"latin:not", "latin:nota"}));
  EXPECT_THAT(forms_meaning("life"), IsSupersetOf({"latin:vit", "greek:bio", "latin:vita"}));
  EXPECT_THAT(forms_meaning("star"), IsSupersetOf({"greek:astr", "latin:stell", "latin:astra"}));
  EXPECT_THAT(forms_meaning("new"), IsSupersetOf({"latin:nov", "greek:neo", "latin:nova"}));
  EXPECT_THAT(forms_meaning("water"), IsSupersetOf({"latin:aqu", "greek:hydr"}));
  EXPECT_THAT(forms_meaning("earth"), IsSupersetOf({"latin:terr", "greek:geo"}));
}

TEST(ClassicalRoots, LookupIsExactOnTheLowerCasedLemma) {
  EXPECT_EQ(forms_meaning("Light"), forms_meaning("light"));
  EXPECT_TRUE(roots_meaning("lights").empty());
  EXPECT_TRUE(roots_meaning("lig").empty());  // a form, not a meaning
  EXPECT_TRUE(roots_meaning("").empty());
  EXPECT_TRUE(roots_meaning("zzzz").empty());
  for (const auto* r : roots_meaning("light"))
    EXPECT_NE(std::find(r->meanings.begin(), r->meanings.end(), "light"), r->meanings.end());
}

TEST(ClassicalRoots, ConcurrentFirstUseIsSafe) {
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t i = 0; i < counts.size(); ++i)
    threads.emplace_back([&counts, i] { counts[i] = roots_meaning("light").size(); });
  for (auto& t : threads) t.join();
  for (auto c : counts) EXPECT_EQ(c, counts.front());
  EXPECT_GT(counts.front(), 0u);
}

}  // namespace
}  // namespace snai::roots
