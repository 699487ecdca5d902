// SPDX-License-Identifier: Apache-2.0
// Every key of a board file: name, kind, default, range, meaning, an example. Where a config
// struct has a default of its own (BoardConfig, MailboxConfig, CacheConfig, UartConfig, OsCosts,
// ClusterBoardConfig) the declaration's is the same: a test reads a board holding only the
// required keys and compares. (MemoryConfig's latencies are 0 for a bare model; a board bank's
// default is DDR's.)
#include "models/platform/board_keys.h"

namespace sim::models {

using config::Key;
using config::KeySet;

const KeySet& memory_bank_keys() {
  static const KeySet keys(
      "memory_bank", "A DRAM bank.",
      {Key::text("name", "bank name, unique (also the SystemC object name)")
           .needed()
           .eg("name: ddr_main"),
       Key::uint("base", "base address of the bank").needed().eg("base: 0x20000000"),
       Key::size("size", "bank size").needed().at_least(1).eg("size: 2GiB"),
       Key::time("read_latency", "added to every read")
           .defaults_to("90ns")
           .eg("read_latency: 90ns"),
       Key::time("write_latency", "added to every write")
           .defaults_to("60ns")
           .eg("write_latency: 60ns")});
  return keys;
}

const KeySet& mailbox_terminal_keys() {
  static const KeySet keys(
      "mailbox_terminal", "One side's terminal of the mailbox.",
      {Key::uint("base", "register window base (0x100 bytes)").needed().eg("base: 0x17470000"),
       Key::uint("irq_rx", "RX interrupt number (SPI)")
           .needed()
           .range(0, UINT32_MAX)
           .eg("irq_rx: 242"),
       Key::uint("irq_tx", "TX-done interrupt number (SPI), not irq_rx")
           .needed()
           .range(0, UINT32_MAX)
           .eg("irq_tx: 243")});
  return keys;
}

const KeySet& mailbox_keys() {
  static const KeySet keys(
      "mailbox", "The mailbox link between the two sides (docs/models/mailbox.md).",
      {Key::map("master", mailbox_terminal_keys(), "the master's (Linux, SP) terminal: B")
           .needed()
           .eg("master: { base: 0x17470000, irq_rx: 242, irq_tx: 243 }"),
       Key::map("remote", mailbox_terminal_keys(), "the remote's (Zephyr, MP) terminal: A")
           .needed()
           .eg("remote: { base: 0x17460000, irq_rx: 240, irq_tx: 241 }"),
       Key::time("access_latency", "cost of one register access (inferred: a typical APB access)")
           .defaults_to("20ns")
           .eg("access_latency: 20ns"),
       Key::time("irq_latency", "from the access that changes an interrupt condition to the pin "
                                "(inferred)")
           .defaults_to("50ns")
           .eg("irq_latency: 20ns"),
       Key::boolean("oen_gates_visibility", "words are visible to the peer only while the "
                                            "sender's OEN=1 (inferred)")
           .defaults_to("true")
           .eg("oen_gates_visibility: false"),
       Key::boolean("cmd_index_mode", "word i is command slot i instead of a FIFO push/pop "
                                      "(inferred alternative)")
           .defaults_to("false")
           .eg("cmd_index_mode: true"),
       Key::choice("tx_done", {"latched", "combinational"},
                   "how the TX-done interrupt is derived (inferred)")
           .defaults_to("latched")
           .eg("tx_done: combinational"),
       Key::choice("threshold", {"greater_than", "at_least"},
                   "how ILEVEL GT2/GT4 compare the RX command count (unknown)")
           .defaults_to("greater_than")
           .eg("threshold: at_least"),
       Key::uint("cmd_depth", "command FIFO depth per direction in words (a 4-bit count; 8 at "
                              "most in index mode; MBOX_CMD_FIFO_MAX_COUNT)")
           .range(1, 15)
           .defaults_to("8")
           .eg("cmd_depth: 4"),
       Key::uint("data_depth", "data FIFO depth per direction in words (a 16-bit count; "
                               "MBOX_DAT_FIFO_MAX_COUNT)")
           .range(1, 65535)
           .defaults_to("128")
           .eg("data_depth: 16")});
  return keys;
}

const KeySet& carveout_keys() {
  static const KeySet keys(
      "carveout", "A shared-memory carve-out both OSes agree on.",
      {Key::uint("base", "base address, inside a memory bank").needed().eg("base: 0x200c6000"),
       Key::size("size", "size (64 MiB at most: the sanitizer shadows every byte)")
           .needed()
           .at_least(1)
           .eg("size: 0x2000"),
       Key::uint("rsc_offset", "resource-table window only: where the table sits in it (the "
                               "Linux DT's tcc,rsc-offset); goes with rsc_size")
           .eg("rsc_offset: 0x3b8"),
       Key::size("rsc_size", "resource-table window only: the table's size (tcc,rsc-size); goes "
                             "with rsc_offset")
           .eg("rsc_size: 0x1000")});
  return keys;
}

const KeySet& dcache_keys() {
  static const KeySet keys(
      "dcache",
      "The cluster's L1 D-cache (docs/models/cache.md). Size, ways and line are powers of two "
      "with line <= size / ways.",
      {Key::size("size", "cache size, a power of two (64 MiB at most)")
           .defaults_to("32KiB")
           .eg("size: 64KiB"),
       Key::uint("ways", "associativity, a power of two")
           .range(1, 64)
           .defaults_to("4")
           .eg("ways: 8"),
       Key::size("line", "line size, a power of two")
           .range(4, 4096)
           .defaults_to("64B")
           .eg("line: 32B"),
       Key::latency("hit_latency", "cost of one lookup or one maintenance operation on one line")
           .defaults_to("4cycles")
           .eg("hit_latency: 4cycles"),
       Key::choice("replacement", {"lru", "fifo", "random"}, "replacement policy")
           .defaults_to("lru")
           .eg("replacement: random"),
       Key::choice("write_policy", {"write_back", "write_through"}, "write policy")
           .defaults_to("write_back")
           .eg("write_policy: write_through"),
       Key::choice("eviction", {"natural", "random", "on_doorbell", "never"},
                   "how lines leave besides maintenance: natural (replacement only), random "
                   "(adversarial, eviction_rate per access), on_doorbell (everything on a mailbox "
                   "interrupt), never")
           .defaults_to("natural")
           .eg("eviction: random"),
       Key::number("eviction_rate", "probability per CPU access of one random eviction "
                                    "(eviction: random)")
           .number_range(0, 1)
           .defaults_to("0.001")
           .eg("eviction_rate: 0.01"),
       Key::boolean("speculative_fill", "next-line fill on a miss, and refills of recently used "
                                        "lines (Arm speculative fetch)")
           .defaults_to("false")
           .eg("speculative_fill: true"),
       Key::number("speculative_rate", "probability per CPU access of one speculative refill")
           .number_range(0, 1)
           .defaults_to("0.05")
           .eg("speculative_rate: 0.1")});
  return keys;
}

const KeySet& uart_keys() {
  static const KeySet keys(
      "uart", "The cluster's console UART (a PL011).",
      {Key::uint("base", "register window base (0x1000 bytes)").needed().eg("base: 0x16600000"),
       Key::uint("baud", "bits per second on the wire")
           .at_least(1)
           .defaults_to("115200")
           .eg("baud: 921600"),
       Key::uint("fifo_depth", "transmit FIFO depth (PL011 r1p5: 32)")
           .range(1, 4096)
           .defaults_to("32")
           .eg("fifo_depth: 16")});
  return keys;
}

const KeySet& mmu_region_keys() {
  static const KeySet keys(
      "mmu_region", "One region of the cluster's MMU map.",
      {Key::text("name", "region name (faults' unmap_region names it)").needed().eg("name: VRING1"),
       Key::uint("base", "base address").needed().eg("base: 0x200c9000"),
       Key::size("size", "size").needed().at_least(1).eg("size: 0x1000"),
       Key::choice("attr", {"normal_wb", "normal_nc", "device"},
                   "memory attribute: normal_wb (cacheable write-back), normal_nc "
                   "(non-cacheable), device")
           .needed()
           .eg("attr: normal_wb")});
  return keys;
}

const KeySet& os_keys() {
  static const KeySet keys(
      "os", "The OS execution model's costs and scheduling (docs/models/cpu.md).",
      {Key::time("context_switch", "cost of a context switch")
           .defaults_to("1us")
           .eg("context_switch: 3us"),
       Key::time("isr_entry", "interrupt entry cost").defaults_to("300ns").eg("isr_entry: 1us"),
       Key::time("isr_exit", "interrupt exit cost").defaults_to("200ns").eg("isr_exit: 500ns"),
       Key::time("workqueue_latency", "from queue_work on an idle workqueue to its worker "
                                      "running the item")
           .defaults_to("10us")
           .eg("workqueue_latency: 15us"),
       Key::time("barrier", "cost of a DMB/DSB").defaults_to("20ns").eg("barrier: 30ns"),
       Key::boolean("wakeup_preemption", "a woken thread preempts a running one of the same "
                                         "priority (Linux CFS); off: strict FIFO within a "
                                         "priority (Zephyr)")
           .defaults_to("false")
           .eg("wakeup_preemption: true")});
  return keys;
}

const KeySet& gic_keys() {
  static const KeySet keys(
      "gic", "The cluster's GICv3 as an ISS core sees it (docs/firmware.md).",
      {Key::uint("distributor", "GICD base (64 KiB)").needed().eg("distributor: 0x17600000"),
       Key::uint("redistributor", "GICR base of the core (RD_base and SGI_base, 128 KiB)")
           .needed()
           .eg("redistributor: 0x17680000")});
  return keys;
}

const KeySet& core_keys() {
  static const KeySet keys(
      "core", "What executes the cluster's software (docs/firmware.md).",
      {Key::choice("model", {"modelled", "iss"},
                   "`modelled`: the co-simulated stacks of sw/; `iss`: a real AArch64 ELF "
                   "(remote.firmware) on an instruction-set simulator (the remote only)")
           .defaults_to("modelled")
           .eg("model: iss"),
       Key::number("ipc", "instructions per clock cycle the ISS charges (inferred: an in-order "
                          "dual-issue A55 on branchy RPMsg code), above 0 and at most 4")
           .defaults_to("1")
           .eg("ipc: 0.8"),
       Key::frequency("timer", "the generic timer's frequency, CNTFRQ_EL0 (inferred: the usual "
                               "24 MHz crystal; the TCC807x's is not public)")
           .defaults_to("24MHz")
           .eg("timer: 25MHz"),
       Key::boolean("skip_polls", "an ISS core that only re-reads the same shared values (and "
                                  "maintains the same lines) sleeps until a write, an interrupt "
                                  "or the timer could change them (assumes the loop's exit does "
                                  "not hang on private memory alone; docs/firmware.md)")
           .defaults_to("true")
           .eg("skip_polls: false"),
       Key::map("gic", gic_keys(), "the GICv3 an ISS core programs (none: no interrupts)")
           .eg("gic: { distributor: 0x17600000, redistributor: 0x17680000 }"),
       Key::uint("probe_port",
                 "ipcsim's probe port, a 4 KiB page that exists only in the simulator: firmware "
                 "built for ipcsim (firmware/bsp/ipcsim_probe.h) writes there its kicks and "
                 "what became of a message (kept, taken, lost) for the message ledger "
                 "(docs/firmware.md); 0: none, and a store there is a bus error")
           .defaults_to("0x1fff0000")
           .eg("probe_port: 0x1fff0000")});
  return keys;
}

const KeySet& cluster_keys() {
  static const KeySet keys(
      "cluster",
      "A CPU cluster: its cores, D-cache, console UART, MMU map and OS costs. The platform adds "
      "its own mailbox terminal (the two sides' clusters) and UART to the MMU map as device "
      "memory.",
      {Key::uint("cores", "number of cores").needed().range(1, 8).eg("cores: 2"),
       Key::frequency("clock", "core clock").needed().eg("clock: 1.5GHz"),
       Key::map("dcache", dcache_keys(), "the L1 D-cache (every key optional)")
           .needed()
           .or_null()
           .eg("dcache: { size: 32KiB, ways: 4, line: 64B }"),
       Key::map("uart", uart_keys(), "the console UART (none: no console output)")
           .eg("uart: { base: 0x16600000, baud: 921600 }"),
       Key::list("mmu", mmu_region_keys(), "the MMU map")
           .needed()
           .eg("mmu: [ { name: VRING1, base: 0x200c9000, size: 0x1000, attr: normal_wb } ]"),
       Key::map("os", os_keys(), "OS costs").or_null().eg("os: { context_switch: 3us }"),
       Key::time("irq_delivery_latency", "interrupt controller to core")
           .defaults_to("20ns")
           .eg("irq_delivery_latency: 20ns"),
       Key::map("core", core_keys(), "what executes the cluster's software")
           .or_null()
           .eg("core: { model: iss }")});
  return keys;
}

const KeySet& board_keys() {
  static const KeySet keys(
      "board",
      "An ipcsim board file (configs/*.yaml): DRAM banks, the mailbox link, the RPMsg carve-outs "
      "and the clusters, plus the software defaults scenarios merge over.",
      {Key::text("name", "the board's name").needed().eg("name: tcc807x"),
       Key::time("quantum", "temporal-decoupling quantum of every core")
           .at_least(1)
           .defaults_to("1us")
           .eg("quantum: 1us"),
       Key::list("memory", memory_bank_keys(), "DRAM banks, at least one")
           .needed()
           .eg("memory: [ { name: ddr_main, base: 0x20000000, size: 2GiB } ]"),
       Key::map("mailbox", mailbox_keys(), "the mailbox link").needed(),
       Key::named_maps("carveouts", "^[^.\\s\\[\\]]+$", carveout_keys(),
                       "RPMsg carve-outs by name (rsc_table, vdev0vring0, vdev0vring1, "
                       "vdev0buffer)")
           .needed()
           .eg("carveouts: { rsc_table: { base: 0x200c6000, size: 0x2000, rsc_offset: 0x3b8, "
               "rsc_size: 0x1000 } }"),
       Key::named_maps("clusters", "^[a-z][a-z0-9_]*$", cluster_keys(),
                       "the clusters by name: `master` (Linux) and `remote` (Zephyr) are "
                       "required; any other name adds a cluster that is hardware only (no "
                       "mailbox terminal, no software)")
           .needed()
           .eg("clusters: { sensor: { cores: 1, clock: 800MHz, dcache: {}, mmu: [] } }"),
       Key::any("software", "the software defaults a scenario's `master:` / `remote:` sections "
                            "merge over (the software keys)")
           .eg("software: { remote: { openamp: { release: v2024.05 } } }")});
  return keys;
}

} // namespace sim::models
