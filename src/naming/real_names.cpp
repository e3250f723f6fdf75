#include "naming/real_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "naming/company_file.hpp"
#include "score/quality_training.hpp"

namespace snai::naming {

namespace {

constexpr std::array<std::string_view, 12> kLegalEndings = {"inc",  "llc", "ltd", "corp", "corporation", "co",
                                                            "plc",  "lp",  "llp", "gmbh", "limited",     "incorporated"};

std::string folded_letters(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ',' || s.back() == '.'))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string clean_company_name(std::string_view raw) {
  for (char c : raw)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '(' || c == ')' || c == '"') return {};
  std::string name = trim(raw);
  // Drop legal endings, one at a time: "Acme Holdings, Inc." → "Acme Holdings".
  for (bool dropped = true; dropped;) {
    dropped = false;
    auto space = name.find_last_of(" ,");
    if (space == std::string::npos) break;
    std::string last = folded_letters(std::string_view(name).substr(space + 1));
    if (std::ranges::find(kLegalEndings, last) != kLegalEndings.end()) {
      name = trim(std::string_view(name).substr(0, space));
      dropped = true;
    }
  }
  std::size_t words = 1 + std::size_t(std::ranges::count(name, ' '));
  if (name.empty() || name.size() > 30 || words > 4 || folded_letters(name).size() < 2) return {};
  return name;
}

std::string fold_company_name(std::string_view name) { return folded_letters(name); }

Result<std::vector<std::string>> known_company_keys(const std::filesystem::path& companies) {
  auto rows = read_companies(companies);
  if (!rows) return fail(rows.error());
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& c : *rows) {
    std::string name = clean_company_name(c.name);
    std::string key = folded_letters(name.empty() ? std::string_view(c.name) : std::string_view(name));
    if (key.size() >= 3 && seen.insert(key).second) out.push_back(std::move(key));
  }
  return out;
}

bool held_out_name(std::string_view name, int one_in) {
  return score::stable_hash(folded_letters(name)) % static_cast<std::uint64_t>(std::max(one_in, 1)) == 0;
}

Result<RealNames> read_real_names(const std::filesystem::path& companies, const brands::BrandRegistry* brands,
                                  const RealNameOptions& options) {
  auto rows = read_companies(companies);
  if (!rows) return fail(rows.error());
  RealNames out;
  std::unordered_set<std::string> seen;
  auto add = [&](std::string_view raw, bool startup) {
    std::string name = clean_company_name(raw);
    if (name.empty() || !seen.insert(folded_letters(name)).second) return;
    if (held_out_name(name, options.held_out_one_in)) {
      if (startup) out.held_out.push_back(std::move(name));  // a held-out brand is simply not used
    } else {
      out.training.push_back(std::move(name));
    }
  };
  for (const auto& c : *rows)
    if (c.year && *c.year >= options.first_year) add(c.name, true);
  if (brands)
    for (const auto& b : brands->all()) add(b.name, false);
  return out;
}

}  // namespace snai::naming
