// How close the generator comes to what real founders chose: for each company of a file,
// generate K names from its description alone and check whether the real name is among them
// (exact, after folding case and punctuation and dropping trailing generic words such as
// Labs/AI/HQ/Inc) or whether some candidate contains the real name's longest root of four or
// more letters; plus the mix of styles generated. `snai eval generator` prints this.
//
//   auto report = evaluate_generator(namer, knowledge.lexicon, companies, {.k = 500});
//   report->exact_rate, report->root_rate, report->style_mix
#pragma once

#include <map>
#include <string>
#include <vector>

#include "naming/company_file.hpp"
#include "naming/namer.hpp"

namespace snai::naming {

struct EvalOptions {
  int k = 500;                 // names generated per company (1..1000)
  std::uint64_t seed = 1;
};

struct CompanyOutcome {
  std::string name, key, root;  // the real name, its folded key ("kscale"), its root ("scale")
  bool exact = false, root_found = false;
  std::string closest;          // the candidate that matched (exactly or by root)
};

struct EvalReport {
  std::size_t companies = 0, skipped = 0;  // skipped: no description, or generation failed
  double exact_rate = 0, root_rate = 0;
  std::map<std::string, double> style_mix;  // style → share of all generated names
  double mean_ms = 0;
  std::vector<CompanyOutcome> outcomes;
};

// "K-Scale Labs" → "kscale", "Notion Inc." → "notion": folded, trailing generic words dropped.
std::string company_key(std::string_view name);
// The longest lexicon word of >= 4 letters inside the key, else the key itself ("doordash" → "dash"
// or "door", "quivr" → "quivr").
std::string company_root(std::string_view key, const lexicon::Lexicon& lexicon);

Result<EvalReport> evaluate_generator(const Namer& namer, const lexicon::Lexicon& lexicon,
                                      const std::vector<Company>& companies, const EvalOptions& options);

}  // namespace snai::naming
