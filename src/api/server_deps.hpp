// What the HTTP layer needs from the rest of the system, passed in by whoever builds the
// server (`snai serve`, tests). Everything is borrowed: the caller keeps it alive for the
// server's lifetime, and it is used from several event-loop threads at once.
//
//   snai::api::ServerDeps deps{.storage = *storage};
#pragma once

#include "availability/domain_checker.hpp"
#include "conflicts/conflict_index.hpp"
#include "naming/namer.hpp"
#include "storage/storage.hpp"

namespace snai::api {

struct ServerDeps {
  storage::Storage& storage;
  const naming::Namer* namer = nullptr;  // null: the naming data is not built, /v1/generate answers 503
  const availability::DomainChecker* domains = nullptr;  // null: /v1/domains/check answers 503
  const conflicts::ConflictIndex* conflicts = nullptr;   // null: /v1/conflicts answers 503
  // Grows with the API: caches, metrics registry ...
};

}  // namespace snai::api
