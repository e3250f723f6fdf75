#include "availability/rdap_client.hpp"

#include <algorithm>
#include <curl/curl.h>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/file_io.hpp"

namespace snai::availability {

using SteadyClock = std::chrono::steady_clock;

struct RdapClient::State {
  RdapBootstrap bootstrap;
  RdapOptions options;
  std::mutex mu;
  std::map<std::string, SteadyClock::time_point> next_slot;  // per server: earliest next request
};

namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return lower(std::string(haystack)).find(needle) != std::string::npos;
}

struct Item {
  std::size_t index;
  std::string url;
  std::string server;
  SteadyClock::time_point not_before;
};

struct Transfer {
  Item item;
  CURL* easy = nullptr;
  std::string body;
  std::size_t limit = 0;
  curl_slist* headers = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::size_t n = size * count;
  if (transfer->body.size() + n > transfer->limit) return 0;  // aborts: CURLE_WRITE_ERROR
  transfer->body.append(data, n);
  return n;
}

class Batch {
 public:
  Batch(RdapClient::State& state, std::span<const std::string> domains, SteadyClock::time_point deadline)
      : state_(state), options_(state.options), deadline_(deadline), answers_(domains.size()) {
    for (std::size_t i = 0; i < domains.size(); ++i) {
      answers_[i].domain = domains[i];
      auto dot = domains[i].find('.');
      auto base = dot == std::string::npos ? std::nullopt : state.bootstrap.base_url(domains[i].substr(dot + 1));
      if (!base) {
        answers_[i].detail = "no RDAP service for this TLD in the bootstrap file";
        continue;
      }
      auto scheme_end = base->find("://");
      auto host_end = base->find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
      queue_.push_back({i, *base + "domain/" + domains[i], base->substr(0, host_end), SteadyClock::now()});
    }
  }

  std::vector<RdapAnswer> run() {
    CURLM* multi = curl_multi_init();
    while (!queue_.empty() || !running_.empty()) {
      auto now = SteadyClock::now();
      if (now >= deadline_) break;
      launch(multi, now);
      int still = 0;
      curl_multi_perform(multi, &still);
      collect(multi);
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_wake(now) - now).count();
      if (wait > 0) curl_multi_poll(multi, nullptr, 0, static_cast<int>(std::min<std::int64_t>(wait, 200)), nullptr);
    }
    for (auto& [easy, transfer] : running_) {
      curl_multi_remove_handle(multi, easy);
      fail_item(transfer->item.index, "time budget exhausted during the request");
      release(*transfer);
    }
    running_.clear();
    for (const auto& item : queue_)
      fail_item(item.index, answers_[item.index].detail.empty()
                                ? "time budget exhausted"
                                : "time budget exhausted after " + answers_[item.index].detail);
    curl_multi_cleanup(multi);
    return std::move(answers_);
  }

 private:
  SteadyClock::time_point next_wake(SteadyClock::time_point now) const {
    auto wake = deadline_;
    if (!running_.empty()) wake = std::min(wake, now + std::chrono::milliseconds(50));
    for (const auto& item : queue_) wake = std::min(wake, std::max(item.not_before, now));
    return wake;
  }

  int in_flight(const std::string& server) const {
    return static_cast<int>(std::count_if(running_.begin(), running_.end(),
                                          [&](const auto& r) { return r.second->item.server == server; }));
  }

  // True when the server's rate allows a request now; otherwise pushes the item's not_before.
  bool take_slot(Item& item, SteadyClock::time_point now) {
    std::lock_guard lock(state_.mu);
    auto& next = state_.next_slot[item.server];
    if (next > now) {
      item.not_before = next;
      return false;
    }
    auto interval = std::chrono::duration<double>(1.0 / std::max(options_.per_server_rate, 0.001));
    next = now + std::chrono::duration_cast<SteadyClock::duration>(interval);
    return true;
  }

  void launch(CURLM* multi, SteadyClock::time_point now) {
    for (auto it = queue_.begin(); it != queue_.end() && static_cast<int>(running_.size()) < options_.max_in_flight;) {
      if (it->not_before >= deadline_) {
        fail_item(it->index, answers_[it->index].detail.empty()
                                 ? "rate limit leaves no slot within the time budget"
                                 : answers_[it->index].detail + "; no retry fits in the time budget");
        it = queue_.erase(it);
        continue;
      }
      if (it->not_before > now || in_flight(it->server) >= options_.per_server_in_flight || !take_slot(*it, now)) {
        ++it;
        continue;
      }
      auto transfer = std::make_unique<Transfer>();
      transfer->item = std::move(*it);
      it = queue_.erase(it);
      transfer->limit = options_.max_body_bytes;
      ++answers_[transfer->item.index].attempts;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - now).count();
      CURL* easy = curl_easy_init();
      transfer->easy = easy;
      transfer->headers = curl_slist_append(nullptr, "Accept: application/rdap+json, application/json");
      curl_easy_setopt(easy, CURLOPT_URL, transfer->item.url.c_str());
      curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
      curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
      curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);  // rdap.org-style bootstrap servers redirect
      curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 3L);
      curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
      curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
      curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<std::int64_t>(
                                                   1, std::min<std::int64_t>(options_.timeout_ms, left))));
      curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(options_.timeout_ms, 2000)));
      curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
      curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
      curl_multi_add_handle(multi, easy);
      running_.emplace(easy, std::move(transfer));
    }
  }

  void collect(CURLM* multi) {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      auto it = running_.find(msg->easy_handle);
      if (it == running_.end()) continue;
      auto transfer = std::move(it->second);
      running_.erase(it);
      curl_multi_remove_handle(multi, transfer->easy);
      finish(*transfer, msg->data.result);
      release(*transfer);
    }
  }

  void finish(Transfer& transfer, CURLcode code) {
    auto& answer = answers_[transfer.item.index];
    auto now = SteadyClock::now();
    if (code != CURLE_OK) {
      if (code == CURLE_OPERATION_TIMEDOUT && now + std::chrono::milliseconds(20) >= deadline_) {
        fail_item(transfer.item.index, "time budget exhausted during the request");
        return;
      }
      retry_or_fail(transfer.item, curl_easy_strerror(code), now);
      return;
    }
    long status = 0;
    curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
    answer.http_status = static_cast<int>(status);
    if (status == 200) {
      answer.verdict = RdapVerdict::registered;
      answer.detail = "RDAP 200";
      parse_rdap_domain(transfer.body, answer);
      return;
    }
    if (status == 404) {
      answer.verdict = RdapVerdict::not_found;
      answer.detail = "RDAP 404";
      return;
    }
    if (status == 429) {
      curl_off_t retry_after = 0;
      curl_easy_getinfo(transfer.easy, CURLINFO_RETRY_AFTER, &retry_after);
      auto wait = retry_after > 0 ? std::chrono::seconds(retry_after) : backoff(answer.attempts);
      {
        std::lock_guard lock(state_.mu);  // the server asked everyone to wait
        auto& next = state_.next_slot[transfer.item.server];
        next = std::max(next, now + wait);
      }
      std::string why = fmt::format("RDAP 429 (Retry-After {} s)", static_cast<long long>(retry_after));
      if (answer.attempts >= options_.attempts || now + wait >= deadline_) {
        fail_item(transfer.item.index, why + (answer.attempts >= options_.attempts ? " after every attempt"
                                                                                   : ", beyond the time budget"));
        return;
      }
      answer.detail = why;
      transfer.item.not_before = now + wait;
      queue_.push_back(std::move(transfer.item));
      return;
    }
    if (status >= 500) {
      retry_or_fail(transfer.item, fmt::format("RDAP {}", status), now);
      return;
    }
    fail_item(transfer.item.index, fmt::format("RDAP answered HTTP {}", status));
  }

  std::chrono::milliseconds backoff(int attempts) const {
    return std::chrono::milliseconds(options_.backoff_ms * (1 << std::clamp(attempts - 1, 0, 10)));
  }

  void retry_or_fail(Item& item, const std::string& why, SteadyClock::time_point now) {
    auto& answer = answers_[item.index];
    auto at = now + backoff(answer.attempts);
    if (answer.attempts >= options_.attempts || at >= deadline_) {
      fail_item(item.index, answer.attempts > 1 ? fmt::format("{} after {} attempts", why, answer.attempts) : why);
      return;
    }
    answer.detail = why;
    item.not_before = at;
    queue_.push_back(std::move(item));
  }

  void fail_item(std::size_t index, std::string why) {
    answers_[index].verdict = RdapVerdict::failed;
    answers_[index].detail = std::move(why);
  }

  static void release(Transfer& transfer) {
    curl_easy_cleanup(transfer.easy);
    curl_slist_free_all(transfer.headers);
  }

  RdapClient::State& state_;
  const RdapOptions& options_;
  SteadyClock::time_point deadline_;
  std::vector<RdapAnswer> answers_;
  std::deque<Item> queue_;
  std::map<CURL*, std::unique_ptr<Transfer>> running_;
};

}  // namespace

Result<RdapBootstrap> RdapBootstrap::parse(std::string_view json) {
  auto bad = [](std::string why) {
    return fail(ErrorCode::invalid_argument, "RDAP bootstrap file: " + why, "rdap.bootstrap");
  };
  auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded()) return bad("not valid JSON");
  if (!doc.is_object() || !doc.contains("services") || !doc["services"].is_array())
    return bad("no \"services\" array (expected the IANA dns.json format)");
  RdapBootstrap bootstrap;
  for (const auto& service : doc["services"]) {
    if (!service.is_array() || service.size() < 2 || !service[0].is_array() || !service[1].is_array())
      return bad("a service is not [[tlds...], [urls...]]");
    std::string chosen;
    for (const auto& url : service[1]) {
      if (!url.is_string()) return bad("a service URL is not a string");
      std::string u = url.get<std::string>();
      if (u.rfind("https://", 0) == 0 || (chosen.empty() && u.rfind("http://", 0) == 0)) chosen = u;
      if (u.rfind("https://", 0) == 0) break;
    }
    if (chosen.empty()) continue;
    if (chosen.back() != '/') chosen += '/';
    for (const auto& tld : service[0]) {
      if (!tld.is_string()) return bad("a TLD is not a string");
      bootstrap.by_tld_.emplace(lower(tld.get<std::string>()), chosen);
    }
  }
  return bootstrap;
}

Result<RdapBootstrap> RdapBootstrap::load(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text)
    return fail(ErrorCode::not_found, fmt::format("cannot read RDAP bootstrap file {}", file.string()),
                "rdap.bootstrap");
  return parse(*text);
}

std::optional<std::string> RdapBootstrap::base_url(std::string_view tld) const {
  auto it = by_tld_.find(lower(std::string(tld)));
  if (it == by_tld_.end()) return std::nullopt;
  return it->second;
}

void parse_rdap_domain(std::string_view body, RdapAnswer& answer) {
  auto doc = nlohmann::json::parse(body, nullptr, false);
  if (!doc.is_object()) return;
  if (auto it = doc.find("status"); it != doc.end() && it->is_array())
    for (const auto& s : *it)
      if (s.is_string()) answer.status.push_back(s.get<std::string>());
  if (auto it = doc.find("events"); it != doc.end() && it->is_array())
    for (const auto& e : *it) {
      if (!e.is_object() || !e.contains("eventAction") || !e.contains("eventDate")) continue;
      if (!e["eventAction"].is_string() || !e["eventDate"].is_string()) continue;
      auto action = e["eventAction"].get<std::string>();
      if (action == "registration") answer.registered_at = e["eventDate"].get<std::string>();
      if (action == "expiration") answer.expires_at = e["eventDate"].get<std::string>();
    }
  // No RFC status says "reserved"/"premium"; registries that flag them put the word in a status.
  for (const auto& s : answer.status) {
    answer.reserved = answer.reserved || contains(s, "reserved");
    answer.premium = answer.premium || contains(s, "premium");
  }
}

Result<RdapClient> RdapClient::create(RdapBootstrap bootstrap, RdapOptions options) {
  if (options.max_in_flight < 1 || options.per_server_in_flight < 1 || options.attempts < 1)
    return fail(ErrorCode::invalid_argument, "RDAP concurrency and attempts must be at least 1", "rdap");
  init_curl_once();
  auto state = std::make_shared<State>();
  state->bootstrap = std::move(bootstrap);
  state->options = std::move(options);
  return RdapClient(std::move(state));
}

std::vector<RdapAnswer> RdapClient::lookup(std::span<const std::string> domains,
                                           std::chrono::steady_clock::time_point deadline) const {
  return Batch(*state_, domains, deadline).run();
}

const RdapBootstrap& RdapClient::bootstrap() const { return state_->bootstrap; }

}  // namespace snai::availability
