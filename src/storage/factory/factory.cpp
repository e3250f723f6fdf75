#include "storage/factory/factory.hpp"

#include <fmt/format.h>

#include "storage/postgres/postgres_storage.hpp"
#include "storage/sqlite/sqlite_storage.hpp"

namespace snai::storage {

Result<std::unique_ptr<Storage>> open_storage(std::string_view url, const StorageOptions& options) {
  if (url.starts_with("sqlite:")) {
    auto path = url.substr(std::string_view("sqlite:").size());
    if (path.starts_with("//")) path.remove_prefix(2);  // sqlite://PATH is accepted too
    if (path.empty()) return fail(ErrorCode::invalid_argument, "sqlite: URL has no file path", "database_url");
    return open_sqlite(std::string(path), {.busy_timeout_ms = options.busy_timeout_ms, .pool_size = options.pool_size});
  }
  if (url.starts_with("postgres://") || url.starts_with("postgresql://"))
    return open_postgres(url, {.pool_size = options.pool_size, .connect_timeout_s = options.connect_timeout_s});
  return fail(ErrorCode::invalid_argument,
              fmt::format("database URL '{}' must start with sqlite: or postgres://", redact_url(url)), "database_url");
}

Result<std::unique_ptr<Storage>> open_storage(const Config& config) {
  return open_storage(config.effective_database_url(), {.pool_size = config.storage.pool_size,
                                                        .busy_timeout_ms = config.storage.busy_timeout_ms,
                                                        .connect_timeout_s = config.storage.connect_timeout_s});
}

std::string redact_url(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  auto at = url.find('@', scheme + 3);
  if (at == std::string_view::npos) return std::string(url);
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace snai::storage
