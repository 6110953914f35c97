// Two projects: `unit` (fast, in-process, never waiting in real time: pure functions in test/unit, and
// the node in n8n-core's engine against the local BigDD server in test/engine) and `e2e` (the packed
// package inside a real, pinned n8n in test/e2e, and the engine checks that need real time to pass in
// test/realtime). Tests are transpiled only: `npm run typecheck` checks the types of every file.
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
};

module.exports = {
	// Each test file's seconds, printed by `npm test` after its stages (test/support/suite-timings.js).
	reporters: ['default', '<rootDir>/test/support/suite-timings.js'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['<rootDir>/test/e2e/', '<rootDir>/test/realtime/'],
			modulePathIgnorePatterns: ['<rootDir>/dist/'],
			setupFilesAfterEnv: [
				'<rootDir>/test/support/virtual-sleep.ts',
				'<rootDir>/test/support/quiet-error-reporter.ts',
			],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/realtime/**/*.test.ts'],
			globalSetup: '<rootDir>/test/e2e/setup/global-setup.js',
			modulePathIgnorePatterns: ['<rootDir>/dist/'],
			setupFilesAfterEnv: [
				'<rootDir>/test/e2e/setup/timeout.js',
				'<rootDir>/test/support/quiet-error-reporter.ts',
			],
		},
	],
};
