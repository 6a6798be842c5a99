// Each test class starts its own app and Chromium; on a two-core CI machine they are steadier one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
