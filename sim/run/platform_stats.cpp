// SPDX-License-Identifier: Apache-2.0
#include "sim/run/platform_stats.h"

namespace sim::app {
namespace {

using json = nlohmann::ordered_json;

json cache_stats(const models::CacheStats& s) {
  json j = json::object();
  s.for_each([&](const char* name, std::uint64_t v) { j[name] = v; });
  return j;
}

json mailbox_direction(const models::MailboxDirectionStats& s) {
  return {{"messages", s.messages},
          {"kicks", s.kicks},
          {"cmd_words_popped", s.cmd_words_popped},
          {"cmd_words_dropped", s.cmd_words_dropped},
          {"tx_done_events", s.tx_done_events},
          {"fault_dropped", s.fault_dropped},
          {"fault_duplicated", s.fault_duplicated},
          {"fault_delayed", s.fault_delayed},
          {"max_cmd_level", s.max_cmd_level}};
}

json cpu_stats(models::Cluster& c) {
  const models::ClusterStats& s = c.stats();
  json cores = json::array();
  for (unsigned i = 0; i < c.kernel().cores(); ++i) {
    const models::CoreStats& cs = c.kernel().core(i).stats;
    cores.push_back({{"context_switches", cs.context_switches},
                     {"interrupts", cs.interrupts},
                     {"spurious_interrupts", cs.spurious_interrupts},
                     {"preemptions", cs.preemptions},
                     {"isr_time_ns", cs.isr_time_ps / kPsPerNs},
                     {"idle_time_ns", cs.idle_time_ps / kPsPerNs}});
  }
  return {{"reads", s.reads},
          {"writes", s.writes},
          {"mmio_reads", s.mmio_reads},
          {"mmio_writes", s.mmio_writes},
          {"cache_ops", s.cache_ops},
          {"cache_ops_skipped", s.cache_ops_skipped},
          {"barriers", s.barriers},
          {"polls", s.polls},
          {"poll_wakeups", s.poll_wakeups},
          {"console_chars", s.console_chars},
          {"cores", cores}};
}

} // namespace

json platform_stats(models::Platform& p) {
  json stats;
  for (std::size_t i = 0; i < p.clusters(); ++i) {
    const std::string& name = p.cluster_at(i).cluster();
    stats["caches"][name] = cache_stats(p.dcache_at(i).stats());
    stats["cpus"][name] = cpu_stats(p.cluster_at(i));
  }
  const models::MailboxLink& link = p.mailbox().link();
  for (Direction d : kDirections)
    stats["mailbox"][direction_key(d)] =
        mailbox_direction(link.stats(models::mailbox_terminal(sender_of(d))));
  return stats;
}

} // namespace sim::app
