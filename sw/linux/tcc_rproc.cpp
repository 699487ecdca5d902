// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/tcc_rproc.h"

#include "sw/linux/rproc_vdev.h"
#include "sw/linux/tcc_mbox_controller.h"
#include "sw/linux/virtqueue.h"
#include "sw/shm/hex.h"
#include "sw/shm/layout.h"
#include "sw/shm/le_bytes.h"

namespace sim::sw::lnx {
namespace {

namespace rsc = shm::rsc;
constexpr std::uint64_t kPageSize = 4096;

std::uint64_t page_align(std::uint64_t x) {
  return (x + kPageSize - 1) & ~(kPageSize - 1);
}

} // namespace

TccRproc::TccRproc(hal::Hal& hal, const PlatformInfo& info, const LinuxOptions& options,
                   Printk& printk, LinuxStatus& status, const std::vector<RpmsgDriver*>& drivers,
                   TccMboxController& mbox)
    : hal_(hal), info_(info), options_(options), printk_(printk), status_(status),
      drivers_(drivers), mbox_(mbox) {}

TccRproc::~TccRproc() = default;

void TccRproc::dev_printk(KernLevel level, const std::string& text) {
  printk_.dev(level, "remoteproc", "remoteproc0", text);
}

bool TccRproc::fail_probe(const std::string& error, hal::Addr address) {
  // The platform driver's own probe: no remoteproc device exists yet.
  set_error(error, address);
  status_.attached = false;
  printk_.dev(KernLevel::kErr, "tcc-rproc", name_, error);
  printk_.dev(KernLevel::kWarn, "tcc-rproc", name_,
              format("probe with driver tcc-rproc failed with error %d", kEinval));
  return false;
}

void TccRproc::set_error(const std::string& error, hal::Addr address) {
  status_.attach_error = error;
  status_.attach_error_address = address;
}

const RprocCarveout* TccRproc::find_carveout(const std::string& name) const {
  for (const RprocCarveout& c : carveouts_)
    if (c.name == name) return &c;
  return nullptr;
}

bool TccRproc::map_memory_regions() {
  // memory-region = <&rsc_table0>, <&vdev0vring0>, <&vdev0vring1>, <&vdev0buffer>: the driver
  // maps them all in probe, so a missing one fails the probe before remoteproc sees anything.
  for (const char* name : {"rsc_table", "vdev0vring0", "vdev0vring1", "vdev0buffer"}) {
    auto it = info_.carveouts.find(name);
    if (it == info_.carveouts.end())
      return fail_probe(std::string("memory-region ") + name + " not found in the device tree", 0);
    if (std::string(name) == "rsc_table") continue;
    RprocCarveout c;
    c.name = name;
    c.base = it->second.base;
    c.len = it->second.size;
    c.da = static_cast<std::uint32_t>(it->second.base); // the device sees physical addresses
    carveouts_.push_back(c);
  }
  const MemoryRegion& r = info_.carveouts.at("rsc_table");
  if (info_.rsc_size != 0 && info_.rsc_offset + info_.rsc_size > r.size)
    return fail_probe("tcc,rsc-offset " + shm::hex(info_.rsc_offset) + " + tcc,rsc-size " +
                          shm::hex(info_.rsc_size) + " exceeds memory-region rsc_table of " +
                          shm::hex(r.size) + " at " + shm::hex(r.base),
                      r.base);
  // No tcc,rsc-size: no table, and rproc_handle_resources has nothing to do.
  table_ptr_ = info_.rsc_size != 0 ? r.base + info_.rsc_offset : 0;
  table_sz_ = info_.rsc_size;
  return true;
}

bool TccRproc::probe() {
  if (!map_memory_regions()) return false;
  chan_ = &mbox_.request_channel();
  chan_->set_rx_callback([this](const std::uint32_t* w, std::size_t n) { mbox_rx(w, n); });
  const std::string kworker = "kworker/" + std::to_string(options_.core) + ":1";
  vq_work_ = &hal_.os().work("rproc_wq", {kworker, kKthreadPriority, false, options_.core},
                             "rproc_vq_work", [this] { vq_work(); });
  // rproc_add: the processor was started by someone else (DETACHED) and auto-boot attaches.
  dev_printk(KernLevel::kInfo, name_ + " is available");
  dev_printk(KernLevel::kInfo, "attaching to " + name_);
  return attach();
}

bool TccRproc::attach() {
  // rproc_actuate (v5.10): rproc_handle_resources(rproc, rproc_loading_handlers) straight on
  // table_ptr, the table in remote memory (rproc_resources.cpp). No version or reserved check of
  // the header: that belongs to the ELF find_table path (rpmsg-protocol.md §6.7).
  if (table_ptr_ != 0) {
    const int err = handle_resources();
    if (err != 0) {
      // The handler that failed printed its own dev_err and left the details in attach_error.
      status_.attached = false;
      dev_printk(KernLevel::kErr, format("Failed to process resources: %d", err));
      return false;
    }
  }
  // rproc_attach: subdevices start (the virtio device registers, rpmsg probes), then RUNNING.
  for (auto& rvdev : rvdevs_) rvdev->start(drivers_);
  status_.attached = true;
  status_.attach_error.clear();
  dev_printk(KernLevel::kInfo, "remote processor " + name_ + " is now attached");
  return true;
}

int TccRproc::alloc_vring(RprocVdev& rvdev, unsigned i) {
  RprocVring& rvring = rvdev.vring[i];
  const std::uint64_t size = page_align(shm::vring_size(rvring.num, rvring.align));
  const std::string name = "vdev" + std::to_string(rvdev.index()) + "vring" + std::to_string(i);
  const RprocCarveout* mem = find_carveout(name);
  if (mem == nullptr) {
    const std::string error = name + ": no registered carve-out (allocation not modelled)";
    dev_printk(KernLevel::kErr, error);
    set_error(error, rvdev.rsc().vring(i).address());
    return kEnomem;
  }
  // rproc_check_carveout_da: the table's da must lie in the carve-out with room for the ring.
  const std::uint32_t da = rvdev.rsc().vring(i).da();
  const char* misfit = nullptr;
  if (size > mem->len) {
    misfit = "Registered carveout doesn't fit len request";
  } else if (da != rsc::kAddrAny) {
    const std::int64_t delta = static_cast<std::int64_t>(da) - static_cast<std::int64_t>(mem->da);
    if (delta < 0)
      misfit = "Registered carveout doesn't fit da request";
    else if (static_cast<std::uint64_t>(delta) + size > mem->len)
      misfit = "Registered carveout doesn't fit len request";
  }
  if (misfit != nullptr) {
    printk_.dev(KernLevel::kErr, "tcc-rproc", name_, misfit);
    set_error(format("%s: vring%u da 0x%x, %llu bytes; carve-out %s at 0x%x, %llu bytes", misfit, i,
                     da, static_cast<unsigned long long>(size), name.c_str(), mem->da,
                     static_cast<unsigned long long>(mem->len)),
              rvdev.rsc().vring(i).address() + rsc::kVringDa);
    return kEnomem;
  }
  rvring.mem = mem;
  // idr_alloc(notifyids, rvring, 0, 0): the lowest free id, written into the table.
  int id = 0;
  while (notifyids_.count(id) != 0) ++id;
  notifyids_[id] = &rvring;
  rvring.notifyid = id;
  rvdev.rsc().vring(i).set_notifyid(static_cast<std::uint32_t>(id));
  return 0;
}

void TccRproc::kick(int notifyid) {
  MboxMessage msg;
  msg.cmd[0] = static_cast<std::uint32_t>(notifyid);
  msg.cmd_len = 1;
  const int err = chan_->send_message(msg);
  if (err < 0) {
    ++status_.kicks_lost;
    hal_.probe(hal::signal_event(hal::ProbeKind::kKickLost));
    dev_printk(KernLevel::kErr, format("tcc_rproc_kick: failed (vq%d, err:%d)", notifyid, err));
  } else {
    ++status_.kicks_sent;
    hal_.probe(hal::signal_event(hal::ProbeKind::kKick)); // written, or queued behind the FIFO
  }
}

void TccRproc::mbox_rx(const std::uint32_t* words, std::size_t n) {
  if (options_.ignore_vq_irq_when_attached && status_.attached) {
    // The faulty driver returns before scheduling the vq work: the notification is lost.
    status_.vq_irqs_ignored.push_back(hal_.now());
    return;
  }
  for (std::size_t i = 0; i < n; ++i) pending_ids_.insert(words[i]);
  vq_work_->queue();
}

void TccRproc::vq_work() {
  std::set<std::uint32_t> ids;
  ids.swap(pending_ids_);
  for (std::uint32_t id : ids) vq_interrupt(id);
}

bool TccRproc::vq_interrupt(std::uint32_t notifyid) {
  ++status_.vq_interrupts;
  auto it = notifyids_.find(static_cast<int>(notifyid));
  bool handled = false;
  if (it != notifyids_.end() && it->second->vq != nullptr) {
    Virtqueue& vq = *it->second->vq;
    handled = vq.interrupt();
    if (vq.broken()) status_.vq_broken = true;
  }
  if (!handled) ++status_.vq_no_work;
  return handled;
}

} // namespace sim::sw::lnx
