// Writes a lexicon artifact: a string pool with de-duplication of short strings, and
// sections of fixed-size records laid out after the header, 8-byte aligned.
#pragma once

#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "lexicon/internal/lexicon_format.hpp"

namespace snai::lexicon::internal {

class StringPool {
 public:
  format::StrRef add(std::string_view text);
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, format::StrRef> short_strings_;
};

class ArtifactWriter {
 public:
  template <class Record>
  void set_section(format::Section section, const std::vector<Record>& records) {
    static_assert(format::kIsRecord<Record>);
    std::string bytes(records.size() * sizeof(Record), '\0');
    if (!records.empty()) std::memcpy(bytes.data(), records.data(), bytes.size());
    set_raw(section, std::move(bytes), static_cast<std::uint32_t>(records.size()), sizeof(Record));
  }
  void set_strings(std::string bytes) {
    auto count = static_cast<std::uint32_t>(bytes.size());
    set_raw(format::Section::strings, std::move(bytes), count, 1);
  }

  // Writes header + sections to a temporary file beside `path`, then renames it into place.
  Status write(const std::filesystem::path& path, std::uint64_t source_fingerprint) const;

 private:
  void set_raw(format::Section section, std::string bytes, std::uint32_t count, std::uint32_t record_size);

  struct Pending {
    std::string bytes;
    std::uint32_t count = 0;
    std::uint32_t record_size = 0;
  };
  Pending sections_[format::kSectionCount];
};

}  // namespace snai::lexicon::internal
