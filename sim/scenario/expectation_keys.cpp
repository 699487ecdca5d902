// SPDX-License-Identifier: Apache-2.0
// The `expect:` block's keys, declared once (keys.h): what parse_expectations reads, the schema's
// `expect` definitions and the docs' Expectations table. The lists that decide which names exist
// (drop reasons, stack counters, coherency kinds, panic kinds) are the code's own.
#include <algorithm>
#include <map>

#include "models/coherency/finding.h"
#include "models/common/model_error.h"
#include "models/cpu/panic_info.h"
#include "sim/scenario/expectations.h"
#include "sw/hal/drop_reasons.h"

namespace sim::app {
namespace {

using config::Key;
using config::KeySet;

/// One line per drop reason (docs/report.md, "The message ledger", says more).
std::string drop_doc(std::string_view reason) {
  namespace d = hal::drop;
  static const std::map<std::string_view, const char*> kDocs = {
      {d::kNoTxBuffer, "transport: the send found no TX buffer and did not wait"},
      {d::kTxTimeout, "transport: the send waited for a TX buffer and gave up"},
      {d::kSendFailed, "transport: any other refusal before the ring"},
      {d::kNoRecipient, "transport: no endpoint at the destination address"},
      {d::kTooBig, "transport: Linux found the header's length beyond the buffer"},
      {d::kTruncated, "transport: OpenAMP sent only what fits its buffer"},
      {d::kStuckInRing, "transport: published, never taken, and nothing left that would make "
                        "the receiver look"},
      {d::kLostInReset, "transport: the software holding it restarted"},
      {d::kLostInHalt, "transport: the cluster holding it halted (a panic)"},
      {d::kSlotOverwritten, "application: the stock responder's slot was overwritten (B8)"},
      {d::kHeldBufferLeaked, "application: the TTY responder lost a held buffer (B9)"},
      {d::kTtyMsgOverwritten, "application: a message arrived while the TTY thread replied (B9)"},
      {d::kQueueFull, "application: the queued responder's queue was full"},
  };
  auto it = kDocs.find(reason);
  if (it == kDocs.end()) throw ModelError("drop reason " + std::string(reason) + " has no doc");
  return it->second;
}

std::vector<Key> message_counts(bool with_unexpected) {
  std::vector<Key> keys = {
      Key::count("sent", "messages a stack sent").eg("sent: 6"),
      Key::count("delivered", "messages handed to (and kept by) the receiving application")
          .eg("delivered: 6"),
      Key::count("dropped", "messages lost, for any reason (drops: names them)").eg("dropped: 0"),
      Key::count("corrupted", "messages whose bytes the receiver read differ from those published")
          .eg("corrupted: 0"),
      Key::count("in_flight", "messages still moving at the end").eg("in_flight: 0"),
      Key::count("echoes", "replies that carry a message received from the other side")
          .eg("echoes: 3")};
  if (with_unexpected)
    keys.push_back(Key::count("unexpected", "receptions of a buffer nothing was published in")
                       .eg("unexpected: 0"));
  return keys;
}

const KeySet& messages_keys() {
  static const KeySet keys("expect_messages",
                           "The message ledger: application messages of both directions.",
                           message_counts(true));
  return keys;
}

const KeySet& channel_direction_keys() {
  static const KeySet keys("expect_channel_counts",
                           "The ledger's counts for one channel and direction.",
                           message_counts(false));
  return keys;
}

const KeySet& channel_keys() {
  static const KeySet keys(
      "expect_channel", "One channel's directions.",
      {Key::map(direction_key(Direction::kMasterToRemote), channel_direction_keys(),
                "messages the master sent on the channel")
           .eg("master_to_remote: { delivered: 14 }"),
       Key::map(direction_key(Direction::kRemoteToMaster), channel_direction_keys(),
                "messages the remote sent on the channel")
           .eg("remote_to_master: { echoes: 3 }")});
  return keys;
}

const KeySet& drops_keys() {
  static const KeySet keys = [] {
    std::vector<Key> reasons;
    for (std::string_view r : hal::drop::kAll)
      reasons.push_back(
          Key::count(std::string(r), drop_doc(r))
              .eg(std::string(r) + (r == hal::drop::kSlotOverwritten ? ": \">=1\"" : ": 0")));
    return KeySet("expect_drops",
                  "Ledger drops by reason (docs/report.md says where each comes from); a reason "
                  "that never occurred counts 0.",
                  std::move(reasons));
  }();
  return keys;
}

const KeySet& console_keys() {
  static const KeySet keys("expect_console", "Substrings that must appear in a side's UART output.",
                           {Key::text_list(side_name(Side::kMaster), "in the master's console")
                                .eg("master: [\"goodbye!\"]"),
                            Key::text_list(side_name(Side::kRemote), "in the remote's console")
                                .eg("remote: [\"incoming msg 3\"]")});
  return keys;
}

const KeySet& latency_keys() {
  static const KeySet keys(
      "expect_latency_us",
      "Ledger latency in whole microseconds (docs/report.md says where each side probes).",
      {Key::count("p50", "the median").eg("p50: \"<=50\""),
       Key::count("p99", "the 99th percentile").eg("p99: \"<=500\""),
       Key::count("max", "the longest").eg("max: \"<=100\"")});
  return keys;
}

/// `linux:` and `zephyr:`: the stack's counters (docs/report.md, "Stack counters") and its own
/// non-counter keys.
KeySet stack_keys(Stack stack, std::vector<Key> own) {
  for (const std::string& name : counter_names(stack))
    own.push_back(Key::count(name, std::string("the ") + stack_name(stack) +
                                       " counter (docs/report.md, Stack counters)")
                      .eg(name + ": \">=1\""));
  return KeySet(std::string("expect_") + stack_name(stack),
                std::string("The ") + (stack == Stack::kLinux ? "Linux" : "Zephyr") +
                    " stack: its counters by name, and what it reported.",
                std::move(own));
}

const KeySet& linux_keys() {
  static const KeySet keys =
      stack_keys(Stack::kLinux, {Key::text_list("channels", "channels Linux must have created")
                                     .eg("channels: [\"rpmsg-client-sample\"]"),
                                 Key::text("attach_error", "a substring of Linux's attach error")
                                     .eg("attach_error: \"erroneous trace resource entry\"")});
  return keys;
}

const KeySet& zephyr_keys() {
  static const KeySet keys =
      stack_keys(Stack::kZephyr, {Key::text("error", "a substring of why the Zephyr image stopped")
                                      .eg("error: \"DRIVER_OK\"")});
  return keys;
}

const KeySet& coherency_keys() {
  static const KeySet keys = [] {
    std::vector<Key> k = {
        Key::count("violations", "the sanitizer's findings, all kinds").eg("violations: 0")};
    for (models::coherency::Kind kind : models::coherency::kKinds)
      k.push_back(Key::count(kind_name(kind), "findings of this kind")
                      .eg(std::string(kind_name(kind)) + ": \">=1\""));
    k.push_back(Key::count("discarded_lines", "invalidates that dropped dirty bytes")
                    .eg("discarded_lines: 0"));
    k.push_back(Key::count("unobserved_discards", "of those, never read back")
                    .eg("unobserved_discards: 0"));
    std::vector<std::string> kinds;
    for (models::coherency::Kind kind : models::coherency::kKinds) kinds.push_back(kind_name(kind));
    k.push_back(Key::choice("first_kind", kinds, "the kind of the first finding")
                    .eg("first_kind: stale_read"));
    k.push_back(Key::text("first_symbol", "the field of the first finding")
                    .eg("first_symbol: vring1.avail.idx"));
    return KeySet("expect_coherency",
                  "The sanitizer's counts and discard statistics (docs/report.md); with the "
                  "sanitizer off every coherency expectation is reported as not checked.",
                  std::move(k));
  }();
  return keys;
}

const KeySet& panic_keys() {
  static const KeySet keys(
      "expect_panic", "The recorded panic.",
      {Key::choice("cluster", {side_name(Side::kMaster), side_name(Side::kRemote)},
                   "the cluster that panicked")
           .eg("cluster: remote"),
       Key::choice("kind",
                   std::vector<std::string>(models::kPanicKinds.begin(), models::kPanicKinds.end()),
                   "what it panicked with")
           .eg("kind: mmu_fault"),
       Key::uint("address", "the faulting address").eg("address: 0x200ca008")});
  return keys;
}

} // namespace

const KeySet& expectation_keys() {
  static const KeySet keys(
      "expect", "What must hold at the end of the run; every key is optional.",
      {Key::choice("outcome", {"completed", "timeout", "panic", "attach_failed"},
                   "how the run ended: every awaited application finished, stop_at came first, a "
                   "cluster panicked, or Linux could not attach")
           .eg("outcome: attach_failed"),
       Key::map("messages", messages_keys(), "the message ledger, both directions")
           .eg("messages: { sent: 6, delivered: 6, dropped: 0 }"),
       Key::map("drops", drops_keys(), "ledger drops by reason")
           .eg("drops: { slot_overwritten: \">=1\" }"),
       Key::map("console", console_keys(), "substrings of each side's UART output")
           .eg("console: { master: [\"goodbye!\"] }"),
       Key::map("panic", panic_keys(), "the recorded panic")
           .eg("panic: { cluster: remote, kind: mmu_fault }"),
       Key::map("latency_us", latency_keys(), "ledger latency percentiles")
           .eg("latency_us: { max: \"<=100\" }"),
       Key::named_maps("channels", ".+", channel_keys(),
                       "the ledger restricted to one channel (the name the remote announced; a "
                       "bare program's own name; or `0x400->0x401` when nothing named it) and one "
                       "direction; a channel with no message fails the expectation")
           .eg("channels: { rpmsg-client-sample: { master_to_remote: { delivered: 14 } } }"),
       Key::map("linux", linux_keys(), "the Linux stack's counters and reports")
           .eg("linux: { kicks_lost: \">=1\" }"),
       Key::map("zephyr", zephyr_keys(), "the Zephyr stack's counters and reports")
           .eg("zephyr: { rx_buffers: 3 }"),
       Key::map("coherency", coherency_keys(), "the sanitizer's verdict")
           .eg("coherency: { stale_read: \">=1\", lost_update: 0 }")});
  return keys;
}

} // namespace sim::app
