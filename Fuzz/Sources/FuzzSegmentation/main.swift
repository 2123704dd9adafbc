#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport

// One empty input first: the targets' globals (ICU objects built once) are
// set up before libFuzzer starts counting allocations per input.
_ = fuzzSegmentation(nil, 0)
exit(runFuzzer { data, size in fuzzSegmentation(data, size) })
