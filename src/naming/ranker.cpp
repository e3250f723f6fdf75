#include "naming/ranker.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "generate/request.hpp"

namespace snai::naming {

std::string sound_key(std::string_view name) {
  std::string s = generate::fold_name(name);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i], next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == 'p' && next == 'h') {
      out += 'f';
      ++i;
      continue;
    }
    if (c == 'c' && next == 'k') continue;  // the k follows
    if (c == 'q' && next == 'u') {  // quick → kwik
      out += "kw";
      ++i;
      continue;
    }
    if (c == 'q') c = 'k';
    if (c == 'c') c = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    if (c == 'z') c = 's';
    if (c == 'y' && i > 0) c = 'i';
    if (c == 'x') {
      out += "ks";
      continue;
    }
    if (c == 'e' && i + 1 < s.size() && next == 'r' && i + 2 == s.size()) continue;  // flicker → flickr
    if (c == 'e' && i + 1 == s.size() && s.size() > 3) continue;                    // silent final e
    if (!out.empty() && out.back() == c) continue;                                  // doubled letters
    out += c;
  }
  return out;
}

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

namespace {

constexpr std::size_t kTopStyleCap = 4;  // names of one style among the top 10, in the first pass
// A style gets a kept slot only when it has a candidate at least this good: a weak style is not
// forced into the list for the sake of variety.
constexpr double kWorthyScore = score::kGoodScore;

// Two roots are one when one is the start of the other (doc/doctor) or they share their first
// four letters (doctoral/doctors).
bool same_root(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() >= 3 && b.starts_with(a)) return true;
  return a.size() >= 4 && a.substr(0, 4) == b.substr(0, 4);
}

struct RootCounts {
  std::vector<std::pair<std::string, std::size_t>> roots;  // folded root → names using it

  std::size_t uses(std::string_view root) const {
    std::size_t most = 0;
    for (const auto& [r, n] : roots)
      if (same_root(r, root)) most = std::max(most, n);
    return most;
  }
  void add(std::string_view root) {
    for (auto& [r, n] : roots)
      if (r == root) {
        ++n;
        return;
      }
    roots.emplace_back(root, 1);
  }
};

std::vector<ScoredName> collapse_near_duplicates(std::vector<ScoredName> sorted) {
  std::vector<ScoredName> kept;
  std::vector<std::string> folded, sounds;
  std::unordered_set<std::string> sound_seen, respelt;
  // A respelling is made to be the ownable form of its word (Lyft for lift): when both are
  // candidates the respelling stands for the pair, whichever scored higher — the quality model
  // favours the familiar spelling, which is the one a founder cannot get.
  for (const auto& s : sorted)
    if (s.candidate.style == generate::Style::respelling) respelt.insert(sound_key(s.candidate.name));
  for (auto& s : sorted) {
    std::string f = generate::fold_name(s.candidate.name), k = sound_key(s.candidate.name);
    if (sound_seen.contains(k)) continue;
    if (s.candidate.style != generate::Style::respelling && respelt.contains(k)) continue;
    bool near = std::ranges::any_of(folded, [&](const std::string& other) { return within_one_edit(f, other); });
    if (near) continue;
    sound_seen.insert(k);
    folded.push_back(std::move(f));
    kept.push_back(std::move(s));
  }
  return kept;
}

}  // namespace

std::vector<ScoredName> rank_names(std::vector<ScoredName> scored, const RankOptions& options) {
  std::ranges::stable_sort(scored, [](const ScoredName& a, const ScoredName& b) { return a.score.score > b.score.score; });
  auto pool = collapse_near_duplicates(std::move(scored));

  std::size_t count = std::min(options.count, pool.size());
  std::map<generate::Style, std::size_t> available, taken;
  for (const auto& s : pool)
    if (s.score.score >= kWorthyScore) ++available[s.candidate.style];
  std::size_t style_cap = std::max<std::size_t>(1, std::size_t(std::ceil(double(options.count) * options.max_style_share)));

  std::size_t root_cap = std::max<std::size_t>(2, options.count / 8);  // any one root, over the whole list

  std::vector<ScoredName> out;
  std::vector<bool> used(pool.size(), false);
  RootCounts roots;
  std::vector<std::vector<std::string>> folded_roots(pool.size());
  for (std::size_t i = 0; i < pool.size(); ++i)
    for (const auto& r : pool[i].candidate.roots) folded_roots[i].push_back(generate::fold_name(r));
  auto missing_styles = [&] {
    std::size_t missing = 0;
    for (auto [style, n] : available)
      if (n > 0 && taken[style] == 0) ++missing;
    return missing;
  };
  // Passes from strict to lenient; each takes the best remaining candidate its rules allow.
  //   pass 0: style cap, slots kept for unseen styles, distinct roots in the top 10, root cap after
  //   pass 1: no style cap        pass 2: no root cap after the top 10
  //   pass 3: no kept slots       pass 4: anything (distinct top-10 roots only while possible)
  for (int pass = 0; pass < 5 && out.size() < count; ++pass) {
    for (std::size_t i = 0; i < pool.size() && out.size() < count; ++i) {
      if (used[i]) continue;
      const auto& c = pool[i].candidate;
      bool style_missing = taken[c.style] == 0;
      if (pass == 0 && taken[c.style] >= (out.size() < options.distinct_root_ranks ? kTopStyleCap : style_cap)) continue;
      if (pass <= 2 && !style_missing && count - out.size() <= missing_styles()) continue;  // keep slots for unseen styles
      if (pass <= 3 && !options.allow_shared_roots) {
        bool top = out.size() < options.distinct_root_ranks;
        if (top || pass <= 1) {
          std::size_t limit = top ? 1 : root_cap;
          bool crowded = std::ranges::any_of(folded_roots[i], [&](const std::string& r) { return roots.uses(r) >= limit; });
          if (crowded) continue;
        }
      }
      bool counted = pool[i].score.score >= kWorthyScore;
      if (options.acceptable && !options.acceptable(c)) {
        used[i] = true;
        if (counted) --available[c.style];
        continue;
      }
      used[i] = true;
      ++taken[c.style];
      if (counted) --available[c.style];
      for (const auto& r : folded_roots[i]) roots.add(r);
      out.push_back(std::move(pool[i]));
      // Restart from the best remaining: a skipped candidate may fit now.
      i = std::size_t(-1);
    }
  }
  return out;
}

}  // namespace snai::naming
