// Reading a companies file (DESIGN.md §2 "Data formats"): TSV or CSV (told apart by the header
// line) with a header row holding at least `name`, optionally `description`, `industry`, `year`;
// other columns are ignored. CSV fields may be quoted ("Acme, Inc."; "" for a quote).
//
//   auto companies = read_companies("data/eval/companies.tsv");
//   for (const auto& c : *companies) ...   // {name "Notion", description "...", industry "..."}
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace snai::naming {

struct Company {
  std::string name;
  std::string description;  // "" when the file has no such column
  std::string industry;
  std::optional<int> year;
};

// not_found for a missing file; invalid_argument with the line number for a header without
// `name`, an unterminated quote, bad UTF-8, an empty name or a non-numeric year.
Result<std::vector<Company>> read_companies(const std::filesystem::path& file);
// The same from text already in memory (`source` names it in errors).
Result<std::vector<Company>> parse_companies(std::string_view text, std::string_view source);

// Just names, from a companies file (a header line naming a `name` column) or a plain list
// (one name per line, blank lines skipped). Same errors as read_companies.
Result<std::vector<std::string>> read_names(const std::filesystem::path& file);
Result<std::vector<std::string>> parse_names(std::string_view text, std::string_view source);

}  // namespace snai::naming
