// snai serve: the HTTP API and dashboard on the configured storage.
#include <atomic>
#include <iostream>
#include <malloc.h>
#include <optional>
#include <spdlog/spdlog.h>
#include <thread>

#include "api/middleware/rate_limiter.hpp"
#include "api/routes/generate_demand.hpp"
#include "api/server/http_server.hpp"
#include "availability/checker_setup.hpp"
#include "cache/response_cache.hpp"
#include "cli/command.hpp"
#include "core/clock.hpp"
#include "core/data_pipeline.hpp"
#include "core/log.hpp"
#include "name_index/stored_name_index.hpp"
#include "naming/artifacts.hpp"
#include "naming/knowledge.hpp"
#include "naming/namer.hpp"
#include "preference/preference_book.hpp"
#include "storage/factory/factory.hpp"

namespace snai::cli {

void add_serve_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand("serve", "Serve the HTTP API and dashboard (127.0.0.1:8080 by default)");
  add_common_options(*command, options);
  static int port = 0;
  command->add_option("--port", port, "Listen on this port (overrides server.port / SNAI_PORT)")
      ->check(CLI::Range(1, 65535));
  command->footer("Configuration keys (snai.toml section.key, environment variable, default):\n" +
                  describe_config_keys());
  command->callback([&] {
    auto config = config_or_report("serve", options, exit_code);
    if (!config) return;
    if (port) config->server.port = port;
    init_logging(config->log);

    auto storage = storage::open_storage(*config);
    if (!storage) {
      exit_code = report_error("serve", storage.error(), options);
      return;
    }
    auto version = (*storage)->migrate();
    if (!version) {
      exit_code = report_error("serve", version.error(), options);
      return;
    }
    spdlog::info("storage: {} ({}), schema version {}", (*storage)->backend(),
                 storage::redact_url(config->effective_database_url()), *version);

    // Without the data artifacts the server still serves storage-backed routes; naming answers 503.
    auto knowledge = naming::load_knowledge(*config);
    std::optional<naming::Namer> namer;
    if (knowledge) {
      namer.emplace(**knowledge, naming::NamerOptions::from(config->generate));
      spdlog::info("naming data ready in {:.0f} ms (CPU: artifacts loaded in {:.0f} ms, derived indexes built in {:.0f} ms)",
                   (*knowledge)->ready_ms, (*knowledge)->load_ms, (*knowledge)->derive_ms);
      if (!(*knowledge)->brand_index) spdlog::warn("no brand registry in the data: /v1/conflicts answers 503");
    } else {
      spdlog::warn("naming data not loaded ({}): /v1/generate, /v1/score and /v1/conflicts answer 503 until `snai data build` has run",
                   knowledge.error().message);
    }
    auto domains = availability::make_domain_checker(*config);
    if (!domains) {
      exit_code = report_error("serve", domains.error(), options, kExitUsage);
      return;
    }

    // Redis-backed when cache.redis_url is set, so the limits hold across instances.
    auto rate_limiter = api::make_rate_limiter(config->cache);
    if (!rate_limiter) {
      exit_code = report_error("serve", rate_limiter.error(), options, kExitUsage);
      return;
    }
    // The generate response cache (issue 8): L1 in process, L2 in Redis when cache.redis_url is set.
    cache::ResponseCacheOptions cache_options{.redis_url = config->cache.redis_url};
    cache_options.l1.max_bytes = config->cache.l1_bytes;
    auto response_cache = cache::ResponseCache::create(cache_options);
    if (!response_cache) {
      exit_code = report_error("serve", response_cache.error(), options, kExitUsage);
      return;
    }
    // Keys carry a fingerprint of the artifacts (paths, sizes, mtimes): a rebuild changes every key.
    const std::string data_version = fingerprint_inputs({naming::artifacts_dir(*config)}, naming::artifacts_dir(*config)).substr(0, 16);
    // Learned tastes: rebuilt from the stored verdicts, then trained in the background as they come.
    const score::FeatureContext features =
        knowledge && (*knowledge)->quality_resources ? (*knowledge)->quality_resources->context() : score::FeatureContext{};
    preference::PreferenceBook preferences(features);
    if (auto rebuilt = preferences.rebuild(**storage); !rebuilt)
      spdlog::warn("preferences not rebuilt from storage ({}): they start empty", rebuilt.error().message);
    // What is asked is counted and stored, so the next instance to start warms its cache with it.
    std::optional<api::GenerateDemand> demand;
    if (namer) demand.emplace(**storage);
    // Saved names like a given one: per-project indexes of stored names, in <data_dir>/indexes/names.
    std::optional<name_index::StoredNameIndex> name_index;
    if (knowledge) name_index.emplace(**storage, (*knowledge)->embeddings, name_index::StoredNameIndexOptions::from(*config));
    // Start-up built and dropped a lot on several threads (indexes, scratch tables); give the
    // freed heap back to the system instead of keeping it in per-thread arenas (~20-30 MB).
    ::malloc_trim(0);
    const api::ServerDeps deps{.storage = **storage,
                               .namer = namer ? &*namer : nullptr,
                               .knowledge = knowledge ? knowledge->get() : nullptr,
                               .domains = &*domains,
                               .conflicts = knowledge && (*knowledge)->brand_index
                                              ? &*(*knowledge)->brand_index
                                              : nullptr,
                               .log_format = config->log.format,
                               .rate_limiter = rate_limiter->get(),
                               .limits = config->limits,
                               .response_cache = response_cache->get(),
                               .data_version = data_version,
                               .preferences = &preferences,
                               .demand = demand ? &*demand : nullptr,
                               .name_index = name_index ? &*name_index : nullptr};
    api::HttpServer server(config->server, deps);
    if (auto started = server.start(); !started) {
      exit_code = report_error("serve", started.error(), options);
      return;
    }
    std::atomic<bool> stop_warming{false};
    std::jthread warming;
    if (namer && config->cache.warm_top > 0) {
      warming = std::jthread([&] {
        const std::int64_t since = now_unix_ms() - std::int64_t{config->cache.warm_days} * 86'400'000;
        auto report = api::warm_generate_cache(deps, {.top = config->cache.warm_top, .since_ms = since}, stop_warming);
        if (report)
          spdlog::info("cache warming: {} answers computed or fetched, {} present, {} failed, of {} requests asked in "
                       "{} days ({} ms)",
                       report->warmed, report->present, report->failed, report->distinct, config->cache.warm_days,
                       report->ms);
        else
          spdlog::warn("cache warming skipped: {}", report.error().message);
      });
    }
    server.wait();
    stop_warming = true;
    spdlog::info("stopped");
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
