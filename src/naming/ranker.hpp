// Turns scored candidates into the list a founder sees: near-duplicates collapsed (one letter
// apart, or the same sound: Lyft/Lift), best score first, no two of the top 10 resting on the
// same root (unless asked), no style crowding out the others, and every style that produced
// something represented when the list is long enough to hold them all.
//
//   auto names = rank_names(std::move(scored), {.count = 20});
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "generate/candidate.hpp"
#include "score/name_score.hpp"

namespace snai::naming {

struct ScoredName {
  generate::Candidate candidate;
  score::NameScore score;
};

struct RankOptions {
  std::size_t count = 20;
  bool allow_shared_roots = false;  // the top 10 may share roots
  std::size_t distinct_root_ranks = 10;
  double max_style_share = 0.3;     // of `count`, per style, while other styles have candidates left
  // Asked lazily, only of candidates about to be taken (so it may be costly): false drops it.
  std::function<bool(const generate::Candidate&)> acceptable;
};

std::vector<ScoredName> rank_names(std::vector<ScoredName> scored, const RankOptions& options);

// A spelling-to-sound key: names with the same key sound the same ("Lyft" and "lift" → "lift",
// "Flickr"/"flicker" → "flikr", "Kwik"/"quick" → "kwik").
std::string sound_key(std::string_view name);
// Levenshtein distance <= 1 (one letter inserted, deleted or changed).
bool within_one_edit(std::string_view a, std::string_view b);

}  // namespace snai::naming
