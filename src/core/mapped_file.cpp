#include "core/mapped_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace snai {

Result<MappedFile> MappedFile::open(const std::filesystem::path& path, std::string field) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    auto code = err == ENOENT ? ErrorCode::not_found : ErrorCode::unavailable;
    return fail(code, "cannot open " + path.string() + ": " + std::strerror(err), std::move(field));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(ErrorCode::data_corrupt, path.string() + " is not a regular file", std::move(field));
  }
  MappedFile file;
  if (st.st_size > 0) {  // mmap refuses length 0: an empty file is an empty view
    void* data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return fail(ErrorCode::unavailable, "cannot map " + path.string() + ": " + std::strerror(err), std::move(field));
    }
    file.data_ = data;
    file.size_ = static_cast<std::size_t>(st.st_size);
  }
  ::close(fd);  // the mapping keeps the file
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    reset();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() { reset(); }

void MappedFile::release_pages() const {
  if (data_ != nullptr) ::madvise(data_, size_, MADV_DONTNEED);  // a hint: failure costs only memory
}

void MappedFile::reset() {
  if (data_ != nullptr) ::munmap(data_, size_);
  data_ = nullptr;
  size_ = 0;
}

}  // namespace snai
