// SPDX-License-Identifier: Apache-2.0
// Every key of a side's software section. The defaults are the stacks' option structs' own
// (sw::lnx::LinuxOptions, sw::zephyr::ZephyrOptions); a test checks that they agree.
#include "sim/scenario/software_keys.h"

#include "models/platform/board_keys.h"
#include "sim/scenario/app_registry.h"
#include "sw/zephyr/openamp_release.h"

namespace sim::app {
namespace {

using config::Key;
using config::KeySet;

std::vector<std::string> release_names() {
  std::vector<std::string> out;
  for (const sw::zephyr::OpenampRelease& r : sw::zephyr::openamp_releases())
    out.emplace_back(r.name());
  return out;
}

/// One switch per OpenAMP feature, documented with when and where it changed.
const KeySet& openamp_feature_keys() {
  static const KeySet keys = [] {
    std::vector<Key> k;
    for (const sw::zephyr::FeatureInfo& f : sw::zephyr::openamp_features()) {
      const std::string when =
          std::string(f.since) + (*f.until != '\0' ? " to before " : " on") + f.until;
      k.push_back(Key::boolean(f.key, std::string(f.what) + " (" + when + "; " + f.commit + "; " +
                                          f.where + ")")
                      .eg(std::string("features: { ") + f.key + ": false }"));
    }
    return KeySet("openamp_features",
                  "Single OpenAMP features switched on or off over the release preset, to see "
                  "what one change does alone (a what-if: no real release has that mix).",
                  std::move(k));
  }();
  return keys;
}

} // namespace

const KeySet& linux_mailbox_keys() {
  static const KeySet keys(
      "linux_mailbox", "Linux's mailbox framework.",
      {Key::uint("tx_queue_len", "the framework's queue of messages to send (MBOX_TX_QUEUE_LEN); "
                                 "a kick beyond it is lost with -ENOBUFS")
           .range(1, 1024)
           .defaults_to("20")
           .eg("mailbox: { tx_queue_len: 20 }")});
  return keys;
}

const KeySet& openamp_keys() {
  static const KeySet keys(
      "openamp", "The OpenAMP library in the remote's image.",
      {Key::choice("release", release_names(),
                   "OpenAMP release preset (Zephyr 3.7 ships v2024.05; sw/zephyr/openamp_release.h "
                   "says what changed in each)")
           .defaults_to("v2024.05")
           .eg("openamp: { release: v2023.04 }"),
       Key::boolean("dcache", "CONFIG_OPENAMP_WITH_DCACHE: the remote's cache maintenance of "
                              "vrings, buffers and the resource table")
           .defaults_to("true")
           .eg("openamp: { dcache: false }"),
       Key::boolean("notify_wait", "install a notify_wait_cb (v2024.05 and later): a sender "
                                   "waiting for a TX buffer waits for the next notification "
                                   "instead of sleeping 1 ms")
           .defaults_to("false")
           .eg("openamp: { notify_wait: true }"),
       Key::boolean("vq_rx_empty_notify",
                    "WITH_VQ_RX_EMPTY_NOTIFY (v2024.10 and later): the RX loop kicks once when it "
                    "finds the ring empty, if it returned a buffer, not after every returned "
                    "buffer")
           .defaults_to("false")
           .eg("openamp: { release: v2024.10, vq_rx_empty_notify: true }"),
       Key::map("features", openamp_feature_keys(),
                "single features switched over the release (docs/models/openamp-releases.md)")
           .eg("openamp: { features: { kick_per_rx_buffer: false } }")});
  return keys;
}

const KeySet& logging_keys() {
  static const KeySet keys(
      "logging",
      "The remote image's logging (docs/models/zephyr-logging.md): how the sample's log "
      "statements reach its console.",
      {Key::choice("mode", {"deferred", "immediate", "minimal", "printk"},
                   "deferred: LOG_MODE_DEFERRED, Zephyr 3.7's sample (stored, printed later by "
                   "the log thread, dropped when the buffer is full); immediate: printed in the "
                   "caller's context; minimal: printk(\"%c: \" fmt); printk: the sample as Zephyr "
                   "3.6 printed it, synchronously, without debug lines. Absent, the Zephyr "
                   "version picks it: deferred for 3.7, printk for 3.6 and 3.3")
           .eg("logging: { mode: deferred }"),
       Key::uint("level", "the module's level: 1 ERR, 2 WRN, 3 INF, 4 DBG (the 3.7 sample "
                          "registers LOG_LEVEL_DBG, inferred); 0 logs nothing")
           .range(0, 4)
           .defaults_to("4")
           .eg("logging: { level: 3 }"),
       Key::size("buffer_size", "CONFIG_LOG_BUFFER_SIZE: the deferred ring")
           .range(128, 1048576)
           .defaults_to("1024")
           .eg("logging: { buffer_size: 4KiB }"),
       Key::uint("trigger_threshold", "CONFIG_LOG_PROCESS_TRIGGER_THRESHOLD: the buffered message "
                                      "that wakes the log thread (0: only the timer and drops)")
           .range(0, 100000)
           .defaults_to("10")
           .eg("logging: { trigger_threshold: 1 }"),
       Key::time("thread_sleep", "CONFIG_LOG_PROCESS_THREAD_SLEEP_MS: the timer the first "
                                 "buffered message starts")
           .at_least(1)
           .defaults_to("1s")
           .eg("logging: { thread_sleep: 100ms }"),
       Key::uint("thread_priority", "the log thread's priority (Zephyr's "
                                    "K_LOWEST_APPLICATION_THREAD_PRIO is 14)")
           .range(0, 14)
           .defaults_to("14")
           .eg("logging: { thread_priority: 0 }"),
       Key::boolean("colors", "CONFIG_LOG_BACKEND_SHOW_COLOR: color codes in the lines")
           .defaults_to("true")
           .eg("logging: { colors: false }"),
       Key::uint("package_cycles", "what packaging a deferred message costs its caller "
                                   "(inferred)")
           .range(0, 1000000)
           .defaults_to("400")
           .eg("logging: { package_cycles: 800 }")});
  return keys;
}

const KeySet& resource_table_keys() {
  static const KeySet keys(
      "resource_table", "The remote image's resource table (its `resource_table` symbol).",
      {Key::uint("address", "where the image's resource_table lives (inside DRAM)")
           .defaults_to("0x200c63b8")
           .eg("resource_table: { address: 0x200c63b8 }"),
       Key::uint("vring_num", "vring size written in the table, a power of two")
           .range(1, 256)
           .defaults_to("8")
           .eg("resource_table: { vring_num: 16 }"),
       Key::uint("vring_align", "vring alignment written in the table, a power of two")
           .range(1, 65536)
           .defaults_to("16")
           .eg("resource_table: { vring_align: 64 }"),
       Key::uint("vring0", "vring0's device address, or `any` (allocated by the master)")
           .range(0, 0xffffffff)
           .or_words({"any"})
           .defaults_to("0x200c8000")
           .eg("resource_table: { vring0: any }"),
       Key::uint("vring1", "vring1's device address, or `any`")
           .range(0, 0xffffffff)
           .or_words({"any"})
           .defaults_to("0x200c9000")
           .eg("resource_table: { vring1: any }"),
       Key::boolean("ram_console", "CONFIG_RAM_CONSOLE: adds the trace entry (status moves to "
                                   "0x30). Its buffer is image memory, in no carve-out, so Linux "
                                   "5.10 rejects the entry and the attach fails on the reference "
                                   "board")
           .defaults_to("false")
           .eg("resource_table: { ram_console: true }")});
  return keys;
}

const KeySet& section_keys(Side side) {
  static const KeySet master(
      "master_section",
      "The master's software: the board's `software.master` defaults with a scenario's "
      "`master:` section merged over them.",
      {Key::choice("kernel", {"5.10"},
                   "Linux version modelled (quote it: 5.10 unquoted is the "
                   "number 5.1)")
           .defaults_to("5.10")
           .eg("kernel: \"5.10\""),
       Key::map("mailbox", linux_mailbox_keys(), "Linux's mailbox framework").or_null(),
       Key::boolean("console", "printk reaches the UART (each character costs its time on the "
                               "wire)")
           .defaults_to("true")
           .eg("console: false"),
       Key::uint("console_loglevel", "printk lines below this level reach the console (7: "
                                     "KERN_INFO and more urgent; 4: the `quiet` boot argument)")
           .range(0, 8)
           .defaults_to("7")
           .eg("console_loglevel: 4"),
       Key::uint("printk_store_cycles",
                 "what storing one printk line in the log buffer costs its caller, printed or "
                 "not (vscnprintf and the ring buffer on an A55; inferred)")
           .range(0, 10000000)
           .defaults_to("1500")
           .eg("printk_store_cycles: 3000"),
       Key::time("send_timeout", "rpmsg_send's wait for a TX buffer")
           .defaults_to("15s")
           .eg("send_timeout: 100ms"),
       Key::uint("core", "core the mailbox interrupts, the remoteproc workqueue and the probes "
                         "run on (below clusters.master.cores)")
           .defaults_to("0")
           .eg("core: 1"),
       Key::variant_list("apps", app_variants(Side::kMaster),
                         "the master's applications (Applications, below)")
           .eg("apps: [ { rpmsg_client_sample: { count: 3 } } ]")});
  static const KeySet remote(
      "remote_section",
      "The remote's software: the board's `software.remote` defaults with a scenario's "
      "`remote:` section merged over them.",
      {Key::choice("zephyr", {"3.7", "3.6", "3.3"},
                   "Zephyr version modelled: 3.7 (the sample logs in deferred mode); 3.6 (the "
                   "sample prints with printk); 3.3 (printk, and CONFIG_OPENAMP_WITH_DCACHE "
                   "reached no OpenAMP code, real-bugs B2: `openamp.dcache: true` then does no "
                   "maintenance)")
           .defaults_to("3.7")
           .eg("zephyr: \"3.3\""),
       Key::map("openamp", openamp_keys(), "the OpenAMP library").or_null(),
       Key::map("resource_table", resource_table_keys(), "the image's resource table").or_null(),
       Key::map("logging", logging_keys(), "the image's logging").or_null(),
       Key::boolean("console", "printk reaches the UART (the responders print every message "
                               "they take)")
           .defaults_to("true")
           .eg("console: false"),
       Key::time("tx_buffer_timeout", "rpmsg_send's wait for a TX buffer (1 ms polls)")
           .defaults_to("15s")
           .eg("tx_buffer_timeout: 50ms"),
       Key::variant_list("apps", app_variants(Side::kRemote),
                         "the remote's applications (Applications, below)")
           .eg("apps: [ { client_sample_responder: {} } ]"),
       Key::text("firmware", "a real AArch64 ELF the remote runs instead of the modelled Zephyr, "
                             "on an ISS core (clusters.remote.core.model: iss; "
                             "docs/firmware.md), relative to the scenario file")
           .eg("firmware: ../../build/firmware/openamp_echo_v2024.05.elf")});
  return side == Side::kMaster ? master : remote;
}

const KeySet& board_software_keys() {
  static const KeySet keys(
      "software", "The software defaults scenarios' `master:` / `remote:` sections merge over.",
      {Key::map("master", section_keys(Side::kMaster), "the master's defaults").or_null(),
       Key::map("remote", section_keys(Side::kRemote), "the remote's defaults").or_null()});
  return keys;
}

const KeySet& board_file_keys() {
  static const KeySet keys = [] {
    std::vector<Key> all;
    for (const Key& k : models::board_keys().keys())
      all.push_back(
          k.name != "software"
              ? k
              : Key::map("software", board_software_keys(), k.doc).or_null().eg(k.example));
    return KeySet("board_file", models::board_keys().doc(), std::move(all));
  }();
  return keys;
}

const KeySet& merged_document_keys() {
  static const KeySet keys = [] {
    std::vector<Key> all;
    for (const Key& k : models::board_keys().keys())
      if (k.name != "software") all.push_back(k);
    all.push_back(
        Key::map("master", section_keys(Side::kMaster), "the master's software").or_null());
    all.push_back(
        Key::map("remote", section_keys(Side::kRemote), "the remote's software").or_null());
    return KeySet("merged", "A scenario's merged document: board keys and both software sections.",
                  std::move(all));
  }();
  return keys;
}

} // namespace sim::app
