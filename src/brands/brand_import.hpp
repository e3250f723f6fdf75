// `snai import brands FILE`: a user's own brand list (a trademark export, a competitor list)
// merged into <data_dir>/data/user_brands.tsv, which conflict checks read beside the
// simple-icons registry. Accepted files (the brands file format, docs/architecture.md):
// - CSV or TSV with a header row holding a `name` column (any case; extra columns ignored;
//   RFC 4180 quotes, also in TSV);
// - a plain list, one name per line (blank lines and lines starting with '#' skipped);
// - the simple-icons JSON (an array of {title, aliases}).
// Bad files fail with the line at fault and leave the user file untouched; the merge writes a
// temporary file and renames it over the old one.
//
//   auto summary = snai::brands::import_brands("trademarks.csv", "var/data/user_brands.tsv");
//   if (summary) fmt::print("{} added, {} already listed\n", summary->added, summary->already_listed);
//   auto registry = snai::brands::load_brands_with_user("var/data/brands.tsv", "var/data/user_brands.tsv");
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

#include "brands/brand_registry.hpp"
#include "core/result.hpp"

namespace snai::brands {

inline constexpr std::string_view kUserBrandsArtifactName = "user_brands.tsv";

// Every brand in `file` (source = the file's name). invalid_argument with "FILE:LINE: ..." for
// a bad file, not_found when it cannot be read.
Result<std::vector<Brand>> read_brand_list(const std::filesystem::path& file);

struct BrandImportSummary {
  std::size_t read = 0;            // brands in the imported file (after merging its own duplicates)
  std::size_t added = 0;           // new in the user file
  std::size_t already_listed = 0;  // the user file had them (same normalised name)
  std::size_t total = 0;           // brands in the user file now
};

// Reads `input` and merges it into `user_file` (created with its directory when missing).
Result<BrandImportSummary> import_brands(const std::filesystem::path& input, const std::filesystem::path& user_file);

// The registry artifact plus the user's brands when `user_file` exists (the artifact's entry
// wins when both list a name).
Result<BrandRegistry> load_brands_with_user(const std::filesystem::path& artifact,
                                            const std::filesystem::path& user_file);

}  // namespace snai::brands
