// The names real founders chose, which the taste models learn from and are calibrated on: funded
// startups of the companies file shipped in data/ (Crunchbase, October 2013, CC-BY: "Company
// data from CrunchBase (crunchbase.com), October 2013, CC-BY.") founded from 1995 on, plus the
// brand registry's names. Legal endings are dropped ("Acme Inc." → "Acme"), and names that are
// not names (over four words, parentheses, non-ASCII) are skipped. One name in five, chosen by a
// stable hash of its folded letters, is held out: never trained on, it makes the calibration
// scale and the held-out side of `snai eval taste`.
//
//   auto names = read_real_names("data/companies-crunchbase-2013.tsv", &registry);
//   train_on(names->training);  calibrate_on(names->held_out);
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "brands/brand_registry.hpp"
#include "core/result.hpp"

namespace snai::naming {

// data/companies-crunchbase-2013.tsv, relative to the working directory (like the simple-icons file).
inline constexpr std::string_view kRealCompaniesFile = "data/companies-crunchbase-2013.tsv";

struct RealNames {
  std::vector<std::string> training;
  std::vector<std::string> held_out;  // startups only (no brands): the scale is among startups
};

struct RealNameOptions {
  int first_year = 1995;
  int held_out_one_in = 5;
};

// "Acme Inc." → "Acme", "Foo, LLC" → "Foo"; "" when the name is not usable as a name.
std::string clean_company_name(std::string_view name);
// Lower-case letters and digits only: how known company names are compared ("K-Scale" → "kscale").
std::string fold_company_name(std::string_view name);
// Every company of the file, cleaned and folded, training and held-out alike: the names the
// generator must not offer as new. not_found when the file is missing.
Result<std::vector<std::string>> known_company_keys(const std::filesystem::path& companies);
// True when `name` falls on the held-out side of the split.
bool held_out_name(std::string_view name, int one_in = 5);

// not_found when the companies file is missing; brands may be null.
Result<RealNames> read_real_names(const std::filesystem::path& companies, const brands::BrandRegistry* brands,
                                  const RealNameOptions& options = {});

}  // namespace snai::naming
