// The registry of existing brand names: the ~3,470 tech brands of the npm package
// simple-icons (titles and aliases), built into <data_dir>/data/brands.tsv by `snai data build`.
// Generation uses it to never propose an existing brand verbatim; conflict checks compare
// candidates against it.
//
//   auto brands = snai::brands::BrandRegistry::load("var/data/brands.tsv");
//   if (brands && brands->contains("Git Hub")) ...   // matches "GitHub": spacing, case, punctuation ignored
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace snai::brands {

struct Brand {
  std::string name;                  // as the brand writes it: "GitHub"
  std::vector<std::string> aliases;  // other names it goes by: "GH"
  std::string source;                // "simple-icons", or the file it was imported from
};

// "Git-Hub Inc." → "githubinc": lower-case letters and digits only (ASCII folding of Latin letters).
std::string normalize_brand(std::string_view name);

// Reads simple-icons' data/simple-icons.json (an array of {title, aliases:{aka, dup, loc}}).
Result<std::vector<Brand>> read_simple_icons(const std::filesystem::path& json_file);

// Writes the artifact atomically (core/file_io.hpp): a header line, then one brand per line:
// name TAB source TAB alias|alias...
Status write_brands(const std::vector<Brand>& brands, const std::filesystem::path& out_file);

class BrandRegistry {
 public:
  static Result<BrandRegistry> load(const std::filesystem::path& artifact);
  static BrandRegistry from(std::vector<Brand> brands);

  // True when `name` equals a brand or alias after normalize_brand().
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  const Brand* find(std::string_view name) const;
  const std::vector<Brand>& all() const { return brands_; }
  std::size_t size() const { return brands_.size(); }

 private:
  std::vector<Brand> brands_;
  std::unordered_map<std::string, std::size_t> by_key_;  // normalized name or alias → index
};

}  // namespace snai::brands
