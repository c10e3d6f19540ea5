// Read by tests that state which Express major they run on.
process.env.EXPRESS_MAJOR = '4';
