#include "naming/generator_eval.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "generate/request.hpp"

namespace snai::naming {

namespace {
// Words companies add after their name that say nothing about the name itself.
constexpr std::array<std::string_view, 16> kGenericTail = {"labs", "lab", "ai", "hq", "inc", "co", "corp", "llc",
                                                            "ltd", "io", "app", "technologies", "tech", "group",
                                                            "company", "gmbh"};

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '_' || c == '/') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}
}  // namespace

std::string company_key(std::string_view name) {
  auto words = words_of(name);
  while (words.size() > 1 && std::ranges::find(kGenericTail, words.back()) != kGenericTail.end()) words.pop_back();
  std::string key;
  for (const auto& w : words) key += w;
  return key;
}

std::string company_root(std::string_view key, const lexicon::Lexicon& lexicon) {
  std::string best;
  for (std::size_t i = 0; i < key.size(); ++i)
    for (std::size_t len = key.size() - i; len >= 4 && len > best.size(); --len) {
      std::string_view part = key.substr(i, len);
      if (lexicon.is_word(part)) {
        best = std::string(part);
        break;
      }
    }
  return best.empty() ? std::string(key) : best;
}

Result<EvalReport> evaluate_generator(const Namer& namer, const lexicon::Lexicon& lexicon,
                                      const std::vector<Company>& companies, const EvalOptions& options) {
  if (options.k < 1 || options.k > generate::GenerateRequest::kMaxCount)
    return fail(ErrorCode::invalid_argument, "k must be 1-1000", "k");
  EvalReport report;
  std::map<std::string, std::size_t> styles;
  std::size_t generated = 0, exact = 0, rooted = 0;
  double total_ms = 0;
  for (const auto& company : companies) {
    if (company.description.empty()) {
      ++report.skipped;
      continue;
    }
    auto result = namer.generate({.description = company.description, .count = options.k, .seed = options.seed});
    if (!result) {
      ++report.skipped;
      continue;
    }
    ++report.companies;
    total_ms += result->took_ms;
    CompanyOutcome outcome{.name = company.name, .key = company_key(company.name)};
    outcome.root = company_root(outcome.key, lexicon);
    for (const auto& n : result->names) {
      ++styles[std::string(generate::to_string(n.candidate.style))];
      ++generated;
      std::string key = company_key(n.candidate.name);
      if (!outcome.exact && key == outcome.key) {
        outcome.exact = true;
        outcome.closest = n.candidate.name;
      }
      if (!outcome.root_found && outcome.root.size() >= 4 && generate::fold_name(n.candidate.name).find(outcome.root) != std::string::npos) {
        outcome.root_found = true;
        if (outcome.closest.empty()) outcome.closest = n.candidate.name;
      }
    }
    exact += outcome.exact;
    rooted += outcome.root_found;
    report.outcomes.push_back(std::move(outcome));
  }
  if (report.companies > 0) {
    report.exact_rate = double(exact) / double(report.companies);
    report.root_rate = double(rooted) / double(report.companies);
    report.mean_ms = total_ms / double(report.companies);
  }
  for (const auto& [style, n] : styles) report.style_mix[style] = generated ? double(n) / double(generated) : 0;
  return report;
}

}  // namespace snai::naming
