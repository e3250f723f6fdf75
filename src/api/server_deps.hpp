// What the HTTP layer needs from the rest of the system, passed in by whoever builds the
// server (`snai serve`, tests). Everything is borrowed: the caller keeps it alive for the
// server's lifetime, and it is used from several event-loop threads at once.
//
//   snai::api::ServerDeps deps{.storage = *storage};
#pragma once

#include "storage/storage.hpp"

namespace snai::api {

struct ServerDeps {
  storage::Storage& storage;
  // Grows with the API: generation engine, caches, metrics registry ...
};

}  // namespace snai::api
