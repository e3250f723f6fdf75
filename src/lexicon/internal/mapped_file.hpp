// A read-only memory mapping of a whole file (RAII, movable).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "core/result.hpp"

namespace snai::lexicon::internal {

class MappedFile {
 public:
  static Result<MappedFile> open(const std::filesystem::path& path);

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

  // Drops the pages read so far from this process's memory (they stay in the page cache, and the
  // next access maps them back): after a pass over the whole file, only what queries touch stays.
  void release_pages() const;

 private:
  void reset();
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace snai::lexicon::internal
