// Two projects: `unit` (fast, in-process: helpers and n8n-core's engine against the local BigDD
// server) and `e2e` (the packed package inside a real, pinned n8n).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
			modulePathIgnorePatterns: ['<rootDir>/dist/'],
			setupFilesAfterEnv: ['<rootDir>/test/helpers/quiet-error-reporter.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			globalSetup: '<rootDir>/test/harness/global-setup.js',
			modulePathIgnorePatterns: ['<rootDir>/dist/'],
			setupFilesAfterEnv: ['<rootDir>/test/harness/e2e-timeout.js'],
		},
	],
};
