// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/app_specs.h"

namespace sim::app::specs {

unsigned bounded_option(const config::ConfigNode& o, const std::string& key, unsigned fallback,
                        unsigned lo, unsigned hi, const std::string& note) {
  auto n = o.get(key);
  if (!n) return fallback;
  const std::uint64_t v = n->uint();
  if (v < lo || v > hi)
    n->fail(key + " must be within " + std::to_string(lo) + ".." + std::to_string(hi) + note);
  return static_cast<unsigned>(v);
}

std::string name_option(const config::ConfigNode& o, const std::string& key,
                        const std::string& fallback) {
  auto n = o.get(key);
  if (!n) return fallback;
  std::string s = n->str();
  if (s.empty()) n->fail(key + " must not be empty");
  return s;
}

std::string rpmsg_name_option(const config::ConfigNode& o, const std::string& key,
                              const std::string& fallback) {
  std::string s = name_option(o, key, fallback);
  if (s.size() > 31) o.at(key).fail("an rpmsg name has at most 31 characters");
  return s;
}

void refuse_ledger_naming(const config::ConfigNode& o) {
  for (const char* key : {"peer", "endpoint", "echo_endpoint"})
    if (auto n = o.get(key))
      n->fail(std::string(key) +
              " is gone: the ledger identifies messages by what travels (rpmsg header and "
              "payload) and names channels from the name service; delete the key "
              "(docs/report.md, \"The message ledger\")");
}

} // namespace sim::app::specs
