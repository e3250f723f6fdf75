#include "core/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace snai {

namespace {

std::string errno_text() { return std::strerror(errno); }

Status write_all(int fd, std::string_view part, const std::filesystem::path& tmp) {
  while (!part.empty()) {
    ssize_t n = ::write(fd, part.data(), part.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(ErrorCode::unavailable, "cannot write " + tmp.string() + ": " + errno_text(), "path");
    part.remove_prefix(static_cast<std::size_t>(n));
  }
  return ok();
}

// The rename is durable only once the folder's entry is on disk too.
void sync_folder(const std::filesystem::path& path) {
  auto folder = path.parent_path();
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Status write_file_atomically(const std::filesystem::path& path, std::span<const std::string_view> parts) {
  std::filesystem::path tmp = path;
  tmp += ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail(ErrorCode::unavailable, "cannot create " + tmp.string() + ": " + errno_text(), "path");
  for (std::string_view part : parts)
    if (auto written = write_all(fd, part, tmp); !written) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return written;
    }
  bool synced = ::fsync(fd) == 0;
  bool closed = ::close(fd) == 0;
  if (!synced || !closed || ::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = errno_text();
    ::unlink(tmp.c_str());
    return fail(ErrorCode::unavailable, "cannot save " + path.string() + ": " + why, "path");
  }
  sync_folder(path);
  return ok();
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  return write_file_atomically(path, std::span<const std::string_view>(&bytes, 1));
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail(ErrorCode::not_found, path.string() + " does not exist", "path");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::unavailable, "cannot open " + path.string(), "path");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return fail(ErrorCode::unavailable, "cannot read " + path.string(), "path");
  return bytes;
}

Result<std::string> read_artifact(const std::filesystem::path& path, std::string_view what) {
  auto bytes = read_file(path);
  if (!bytes && bytes.error().code == ErrorCode::not_found)
    return fail(ErrorCode::not_found, std::string(what) + " " + path.string() + " is missing: run `snai data build`");
  return bytes;
}

}  // namespace snai
