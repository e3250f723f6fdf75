// What a founder asks the generator for (the flags of `snai generate`, the body of
// POST /v1/generate) and the constraints every returned name must meet.
//
//   GenerateRequest request{.description = "AI note-taking for doctors", .count = 20, .max_length = 10};
//   if (auto valid = validate(request); !valid) return fail(valid.error());   // field-named errors
//   Constraints constraints(request);
//   constraints.admits("Notely");   // length, contains/starts/ends-with, excluded words
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "generate/style.hpp"

namespace snai::generate {

struct GenerateRequest {
  std::string description;
  std::vector<std::string> keywords;  // words the names should draw on, besides the description's
  std::vector<Style> styles;          // empty: all nine
  int count = 20;                     // 1..kMaxCount
  int min_length = 0;                 // in letters (spaces and hyphens do not count); 0: no bound
  int max_length = 0;
  std::string contains, starts_with, ends_with;  // case-insensitive, over letters and digits
  std::vector<std::string> exclude;   // no name may contain these (case-insensitive)
  std::optional<std::uint64_t> seed;  // same request + seed → same names; none: varied
  bool allow_shared_roots = false;    // let the top 10 share a root (diversity off)
  bool allow_similar_brands = false;  // keep names at high risk of confusion with an existing brand

  static constexpr int kMaxCount = 1000;
  static constexpr int kMaxLength = 64;
  static constexpr std::size_t kMaxKeywords = 20;
  static constexpr std::size_t kMaxFilterChars = 32;
};

// invalid_argument naming the field (description, count, min_length, max_length, styles,
// keywords, contains, starts_with, ends_with, exclude) for out-of-range or malformed values:
// count outside 1..1000, min_length > max_length, control characters, filters that are not
// letters, digits, spaces or hyphens.
Status validate(const GenerateRequest& request);

// "Note-Scribe Labs" → "notescribelabs": lower-case ASCII letters and digits only.
std::string fold_name(std::string_view name);
// Letters and digits in the name: the length the length constraints count.
int name_length(std::string_view name);

class Constraints {
 public:
  explicit Constraints(const GenerateRequest& request);

  bool admits(std::string_view name) const;
  // The filters in words, for the reason given when nothing fits ("3-6 letters, starting with "zq"").
  std::string describe() const;
  bool any() const;

  const std::string& starts_with() const { return starts_with_; }
  const std::string& ends_with() const { return ends_with_; }
  const std::string& contains() const { return contains_; }
  int min_length() const { return min_length_; }
  int max_length() const { return max_length_; }

 private:
  int min_length_ = 0, max_length_ = 0;
  std::string contains_, starts_with_, ends_with_;  // folded
  std::vector<std::string> exclude_;                // folded
};

}  // namespace snai::generate
