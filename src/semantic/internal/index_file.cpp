#include "semantic/internal/index_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_set>

#include "core/hash.hpp"

namespace snai::semantic::internal {
namespace {

constexpr char kMagic[8] = {'S', 'N', 'A', 'I', 'H', 'N', 'S', 'W'};
constexpr std::uint32_t kFormatVersion = 1;

template <class T>
void put(std::string& out, T value) {
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  out.append(raw, sizeof(T));
}

template <class T>
T take(std::string_view bytes, std::size_t& offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  offset += sizeof(T);
  return value;
}

Error corrupt(std::string message) { return Error{ErrorCode::data_corrupt, std::move(message), {}}; }

std::string errno_text() { return std::strerror(errno); }

}  // namespace

std::string encode_header(const IndexFileHeader& h) {
  std::string out(kMagic, sizeof kMagic);
  put(out, kFormatVersion);
  put(out, h.dim);
  put(out, h.M);
  put(out, h.ef_construction);
  put(out, h.ef_search);
  put(out, h.element_type);
  put(out, h.count);
  put(out, h.capacity);
  put(out, h.labels_bytes);
  put(out, h.payload_bytes);
  put(out, h.labels_checksum);
  put(out, h.payload_checksum);
  out.resize(kHeaderBytes - sizeof(std::uint64_t), '\0');
  put(out, hash64(out));
  return out;
}

Result<IndexFileHeader> decode_header(std::string_view bytes, std::uint64_t file_size) {
  if (bytes.size() < kHeaderBytes) return fail(corrupt("not an index file (too short)"));
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return fail(corrupt("not an index file (bad magic)"));
  }
  std::size_t at = kHeaderBytes - sizeof(std::uint64_t);
  if (take<std::uint64_t>(bytes, at) != hash64(bytes.substr(0, kHeaderBytes - 8))) {
    return fail(corrupt("index file header checksum mismatch"));
  }
  at = sizeof kMagic;
  if (auto version = take<std::uint32_t>(bytes, at); version != kFormatVersion) {
    return fail(corrupt("unsupported index file version " + std::to_string(version)));
  }
  IndexFileHeader h;
  h.dim = take<std::uint32_t>(bytes, at);
  h.M = take<std::uint32_t>(bytes, at);
  h.ef_construction = take<std::uint32_t>(bytes, at);
  h.ef_search = take<std::uint32_t>(bytes, at);
  h.element_type = take<std::uint32_t>(bytes, at);
  if (h.element_type != kElementHalf) return fail(corrupt("unsupported vector element type"));
  h.count = take<std::uint64_t>(bytes, at);
  h.capacity = take<std::uint64_t>(bytes, at);
  h.labels_bytes = take<std::uint64_t>(bytes, at);
  h.payload_bytes = take<std::uint64_t>(bytes, at);
  h.labels_checksum = take<std::uint64_t>(bytes, at);
  h.payload_checksum = take<std::uint64_t>(bytes, at);
  if (h.dim < 1 || h.dim > 4096 || h.M < 2 || h.M > 200 || h.ef_construction < 1 || h.ef_search < 1 ||
      h.capacity < h.count || h.count > (std::uint64_t{1} << 32)) {
    return fail(corrupt("index file header holds out-of-range parameters"));
  }
  if (h.labels_bytes > file_size || h.payload_bytes > file_size ||
      kHeaderBytes + h.labels_bytes + h.payload_bytes != file_size) {
    return fail(corrupt("index file size does not match its header (truncated or extended)"));
  }
  return h;
}

std::string encode_labels(const std::vector<std::string>& labels,
                          const std::vector<std::uint8_t>& removed) {
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    put(out, static_cast<std::uint32_t>(labels[i].size()));
    put(out, removed[i]);
    out += labels[i];
  }
  return out;
}

Status decode_labels(std::string_view bytes, std::uint64_t count, std::vector<std::string>& labels,
                     std::vector<std::uint8_t>& removed) {
  labels.clear();
  removed.clear();
  // Each label takes at least 5 bytes, so a huge count cannot make us allocate before failing.
  if (count > bytes.size() / 5 + 1) return fail(corrupt("label table shorter than its count"));
  labels.reserve(count);
  removed.reserve(count);
  std::unordered_set<std::string_view> seen;
  seen.reserve(count);
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (bytes.size() - at < 5) return fail(corrupt("label table truncated"));
    auto length = take<std::uint32_t>(bytes, at);
    auto flag = take<std::uint8_t>(bytes, at);
    if (length == 0 || length > kMaxLabelBytes || flag > 1 || bytes.size() - at < length) {
      return fail(corrupt("label table entry " + std::to_string(i) + " is malformed"));
    }
    std::string_view label = bytes.substr(at, length);
    at += length;
    if (!seen.insert(label).second) return fail(corrupt("label table repeats a label"));
    labels.emplace_back(label);
    removed.push_back(flag);
  }
  if (at != bytes.size()) return fail(corrupt("label table has trailing bytes"));
  return ok();
}

Result<MemoryFile> MemoryFile::create() {
  int fd = ::memfd_create("snai-vector-index", MFD_CLOEXEC);
  if (fd < 0) return fail(ErrorCode::internal, "memfd_create failed: " + errno_text());
  return MemoryFile(fd);
}

MemoryFile::MemoryFile(MemoryFile&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

MemoryFile::~MemoryFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string MemoryFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

Status MemoryFile::write_all(std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(ErrorCode::internal, "writing a memory file failed: " + errno_text());
    done += static_cast<std::size_t>(n);
  }
  return ok();
}

Result<MappedFile> MemoryFile::map() const { return MappedFile::open(path()); }

}  // namespace snai::semantic::internal
