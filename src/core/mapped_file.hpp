// A read-only memory mapping of a whole file (RAII, movable): artifacts are read in place, no
// copy into the heap, and only the pages that are touched count in memory.
//
//   auto file = snai::MappedFile::open(data_dir / "lexicon.bin");
//   if (!file) return fail(file.error());  // not_found, unavailable, or data_corrupt (not a regular file)
//   std::string_view bytes = file->bytes();
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace snai {

class MappedFile {
 public:
  // `field` is what errors name as the input at fault.
  static Result<MappedFile> open(const std::filesystem::path& path, std::string field = "path");

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  std::size_t size() const { return size_; }

  // Drops the pages read so far from this process's memory (they stay in the page cache, and the
  // next access maps them back): after a pass over the whole file, only what queries touch stays.
  void release_pages() const;

 private:
  void reset();
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace snai
