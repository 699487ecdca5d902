// SPDX-License-Identifier: Apache-2.0
// virtio_rpmsg_bus: probe, TX path and endpoints (rpmsg-protocol.md §3.2, §3.3).
#include "sw/linux/virtio_rpmsg_bus.h"

#include "sw/hal/drop_reasons.h"
#include "sw/linux/rproc_vdev.h"
#include "sw/linux/virtqueue.h"
#include "sw/shm/layout.h"
#include "sw/shm/rpmsg_header_view.h"

namespace sim::sw::lnx {
namespace {

constexpr unsigned kMaxRpmsgNumBufs = 512;

} // namespace

VirtioRpmsgBus::VirtioRpmsgBus(RprocVdev& vdev, const LinuxOptions& options, LinuxStatus& status,
                               const std::vector<RpmsgDriver*>& drivers)
    : vdev_(vdev), hal_(vdev.hal()), options_(options), status_(status), drivers_(drivers) {}

VirtioRpmsgBus::~VirtioRpmsgBus() = default;

hal::Hal& VirtioRpmsgBus::hal() {
  return hal_;
}

Printk& VirtioRpmsgBus::printk() {
  return vdev_.printk();
}

void VirtioRpmsgBus::dev_printk(KernLevel level, const std::string& text) {
  vdev_.printk().dev(level, "virtio_rpmsg_bus", vdev_.dev_name(), text);
}

int VirtioRpmsgBus::probe() {
  hal::Os& os = hal_.os();
  const std::string prefix = vdev_.dev_name() + ".";
  tx_lock_ = &os.semaphore(prefix + "tx_lock", 1, 1);
  sendq_ = &os.wait_queue(prefix + "sendq");

  // virtio_find_vqs: rx ("input") then tx ("output"), in this order.
  const Virtqueue::Callback callbacks[2] = {[this](Virtqueue&) { recv_done(); },
                                            [this](Virtqueue&) { xmit_done(); }};
  const char* const names[2] = {"input", "output"};
  Virtqueue* vqs[2] = {nullptr, nullptr};
  int err = vdev_.find_vqs(callbacks, names, vqs);
  if (err != 0) return err;
  rvq_ = vqs[0];
  svq_ = vqs[1];
  if (rvq_->num() != svq_->num())
    printk().print(KernLevel::kWarn, "WARNING: virtio_rpmsg_bus: rpmsg_probe: vring sizes differ");

  num_bufs_ = rvq_->num() < kMaxRpmsgNumBufs / 2 ? rvq_->num() * 2 : kMaxRpmsgNumBufs;
  buf_size_ = shm::kRpmsgBufSize;
  const std::uint64_t total = std::uint64_t{num_bufs_} * buf_size_;
  const hal::Addr bufs = vdev_.dma_alloc(total);
  if (bufs == 0) {
    vdev_.del_vqs();
    rvq_ = svq_ = nullptr;
    return kEnomem;
  }
  rbufs_ = bufs;
  sbufs_ = bufs + total / 2;

  for (unsigned i = 0; i < num_bufs_ / 2; ++i) {
    const hal::Addr cpu_addr = rbufs_ + std::uint64_t{i} * buf_size_;
    if (rvq_->add_inbuf(cpu_addr, buf_size_, cpu_addr) != 0)
      printk().print(KernLevel::kWarn, "WARNING: virtio_rpmsg_bus: rpmsg_probe: add_inbuf failed");
  }
  // Suppress "tx-complete" interrupts: vring1 avail.flags = NO_INTERRUPT.
  svq_->disable_cb();

  if (vdev_.has_feature(shm::rsc::kVirtioRpmsgFNs)) {
    ns_ept_ = create_ept(
        nullptr,
        [this](hal::Addr payload, std::uint32_t len, std::uint32_t src) {
          return ns_cb(payload, len, src);
        },
        shm::kRpmsgNsAddress);
    if (ns_ept_ == nullptr) {
      dev_printk(KernLevel::kErr, "failed to create the ns ept");
      vdev_.del_vqs();
      rvq_ = svq_ = nullptr;
      return kEnomem;
    }
  }
  const bool notify = rvq_->kick_prepare();
  vdev_.device_ready();
  if (notify) rvq_->notify();
  dev_printk(KernLevel::kInfo, "rpmsg host is online");
  status_.rpmsg_online = true;
  return 0;
}

RpmsgEndpoint* VirtioRpmsgBus::create_ept(RpmsgChannel* rpdev, RpmsgEndpoint::Callback cb,
                                          std::uint32_t addr) {
  // idr_alloc(endpoints, ept, min, max): the lowest free id in [min, max).
  std::uint64_t id = addr == shm::kRpmsgAddrAny ? shm::kRpmsgReservedAddresses : addr;
  const std::uint64_t end = addr == shm::kRpmsgAddrAny ? 0x80000000ull : std::uint64_t{addr} + 1;
  while (id < end && endpoints_.count(static_cast<std::uint32_t>(id)) != 0) ++id;
  if (id >= end) {
    dev_printk(KernLevel::kErr, format("idr_alloc failed: %d", kEnospc));
    return nullptr;
  }
  auto ept = std::make_unique<RpmsgEndpoint>();
  ept->addr = static_cast<std::uint32_t>(id);
  ept->rpdev = rpdev;
  ept->cb = std::move(cb);
  RpmsgEndpoint* raw = ept.get();
  endpoints_[ept->addr] = std::move(ept);
  return raw;
}

void VirtioRpmsgBus::destroy_ept(RpmsgEndpoint* ept) {
  if (ept != nullptr) endpoints_.erase(ept->addr);
}

hal::Addr VirtioRpmsgBus::get_a_tx_buf() {
  tx_lock_->take(hal::kForever);
  hal::Addr ret = 0;
  if (last_sbuf_ < num_bufs_ / 2)
    ret = sbufs_ + std::uint64_t{buf_size_} * last_sbuf_++;
  else
    ret = svq_->get_buf(nullptr);
  tx_lock_->give();
  return ret;
}

void VirtioRpmsgBus::upref_sleepers() {
  tx_lock_->take(hal::kForever);
  if (++sleepers_ == 1) svq_->enable_cb(); // vring1 NO_INTERRUPT cleared: remote kicks id 1
  tx_lock_->give();
}

void VirtioRpmsgBus::downref_sleepers() {
  tx_lock_->take(hal::kForever);
  if (--sleepers_ == 0) svq_->disable_cb();
  tx_lock_->give();
}

void VirtioRpmsgBus::xmit_done() {
  sendq_->wake_all();
}

int VirtioRpmsgBus::send_failed(int err) {
  // The ledger's name for what the caller gets back.
  const std::string_view reason = err == kEnomem        ? hal::drop::kNoTxBuffer
                                  : err == kErestartsys ? hal::drop::kTxTimeout
                                                        : hal::drop::kSendFailed;
  hal_.probe(hal::drop_event(hal::ProbeKind::kTxFailed, reason));
  return err;
}

int VirtioRpmsgBus::refuse_send(std::uint32_t src, std::uint32_t dst, const void* data,
                                std::size_t len, int err) {
  hal_.probe(hal::message_event(hal::ProbeKind::kTxStart, 0, src, dst, data, len));
  return send_failed(err);
}

int VirtioRpmsgBus::send_offchannel_raw(RpmsgChannel& ch, std::uint32_t src, std::uint32_t dst,
                                        const void* data, std::size_t len, bool wait) {
  hal_.probe(hal::message_event(hal::ProbeKind::kTxStart, 0, src, dst, data, len));
  if (src == shm::kRpmsgAddrAny || dst == shm::kRpmsgAddrAny) {
    ch.dev_err(format("invalid addr (src 0x%x, dst 0x%x)", src, dst));
    return send_failed(kEinval);
  }
  if (len > buf_size_ - shm::kRpmsgHdrSize) {
    ch.dev_err(format("message is too big (%d)", static_cast<int>(len)));
    return send_failed(kEmsgsize);
  }
  hal::Addr msg = get_a_tx_buf();
  if (msg == 0 && !wait) return send_failed(kEnomem);
  while (msg == 0) {
    upref_sleepers();
    const bool got = sendq_->wait(
        [&] {
          msg = get_a_tx_buf();
          return msg != 0;
        },
        options_.send_timeout);
    downref_sleepers();
    if (!got) {
      ch.dev_err("timeout waiting for a tx buffer");
      ++status_.tx_timeouts;
      return send_failed(kErestartsys);
    }
  }
  hal_.probe(hal::buffer_event(hal::ProbeKind::kTxBuffer, msg));
  // The header as 5.10 fills it, field by field, then the payload (memcpy).
  shm::RpmsgHeaderView hdr(hal_, msg);
  hdr.set_len(static_cast<std::uint16_t>(len));
  hdr.set_flags(0);
  hdr.set_src(src);
  hdr.set_dst(dst);
  hdr.set_reserved(0);
  if (len > 0) hdr.write_payload(data, len);

  tx_lock_->take(hal::kForever);
  // Reported before add_outbuf makes it visible (avail.idx): the peer may take it at once.
  hal::ProbeEvent published =
      hal::message_event(hal::ProbeKind::kTxPublished, msg, src, dst, data, len);
  published.name = "vring1"; // svq: the second virtqueue (virtio_rpmsg_bus's "output")
  hal_.probe(published);
  int err = svq_->add_outbuf(msg, static_cast<std::uint32_t>(shm::kRpmsgHdrSize + len), msg);
  if (err != 0) {
    // The buffer is lost for TX until a buffer-management overhaul, as the comment says.
    ch.dev_err(format("virtqueue_add_outbuf failed: %d", err));
    send_failed(err);
  } else {
    ++status_.tx_messages;
    svq_->kick();
  }
  tx_lock_->give();
  return err;
}

} // namespace sim::sw::lnx
