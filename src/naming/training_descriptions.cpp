#include "naming/training_descriptions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <random>
#include <set>

namespace snai::naming {

namespace {

constexpr std::array<std::string_view, 10> kThingFiles = {
    "noun.artifact", "noun.act", "noun.food", "noun.communication", "noun.possession",
    "noun.substance", "noun.animal", "noun.plant", "noun.event", "noun.body"};

constexpr std::array<std::string_view, 12> kTemplates = {
    "{} app for {}",           "{} marketplace for {}",       "ai {} assistant for {}", "{} software for {}",
    "online {} service",       "{} delivery for {}",          "{} tracking for {}",     "platform connecting {} and {}",
    "{} subscription for {}",  "{} analytics for {}",         "smart {} for {}",        "{} booking for {}"};

bool plain_word(std::string_view w) {
  return w.size() >= 4 && w.size() <= 11 && std::ranges::all_of(w, [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

std::string plural(std::string_view w) {
  if (w.ends_with("y") && w.size() > 2 && !std::string_view("aeiou").contains(w[w.size() - 2]))
    return std::string(w.substr(0, w.size() - 1)) + "ies";
  if (w.ends_with("s") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with("x")) return std::string(w) + "es";
  return std::string(w) + "s";
}

}  // namespace

std::vector<std::string> training_descriptions(const lexicon::Lexicon& lexicon, std::size_t count, std::uint64_t seed) {
  std::set<std::string> things, people;
  lexicon.for_each_synset([&](const lexicon::Synset& s) {
    if (s.pos != lexicon::Pos::noun) return;
    bool thing = std::ranges::find(kThingFiles, s.lexname) != kThingFiles.end();
    bool person = s.lexname == "noun.person";
    if (!thing && !person) return;
    for (auto w : s.words) {
      if (!plain_word(w)) continue;
      auto known = lexicon.lookup(w);
      if (!known || !known->common || known->tag_count < (person ? 3u : 8u)) continue;
      (person ? people : things).insert(std::string(w));
    }
  });
  std::vector<std::string> what(things.begin(), things.end()), who(people.begin(), people.end());
  std::vector<std::string> out;
  if (what.empty() || who.empty()) return out;
  std::mt19937_64 rng(seed);
  std::set<std::string> made;
  for (std::size_t tries = 0; out.size() < count && tries < count * 20; ++tries) {
    std::string_view pattern = kTemplates[rng() % kTemplates.size()];
    const std::string& thing = what[rng() % what.size()];
    std::string audience = plural(who[rng() % who.size()]);
    std::string text = pattern.find("{}") == pattern.rfind("{}") ? fmt::format(fmt::runtime(pattern), thing)
                                                                  : fmt::format(fmt::runtime(pattern), thing, audience);
    if (made.insert(text).second) out.push_back(std::move(text));
  }
  return out;
}

}  // namespace snai::naming
