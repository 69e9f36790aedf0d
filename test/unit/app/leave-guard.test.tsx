// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../../src/app/router/history';
import { useLeaveGuard } from '../../../src/app/router/leave-guard';

afterEach(cleanup);

function Editor({ unsaved }: { unsaved: boolean }) {
  useLeaveGuard(unsaved ? 'Leave without saving?' : null);
  return null;
}

describe('the leave guard', () => {
  it('asks before an in-app navigation while there are unsaved changes, and stays when refused', () => {
    window.history.replaceState(null, '', '/templates/1');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<Editor unsaved />);

    navigate('/contacts');
    expect(confirm).toHaveBeenLastCalledWith('Leave without saving?');
    expect(window.location.pathname).toBe('/templates/1');

    navigate('/contacts');
    expect(window.location.pathname).toBe('/contacts');
    confirm.mockRestore();
  });

  it('asks on Back/Forward too, and puts the page\'s address back when refused', () => {
    navigate('/templates/2');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<Editor unsaved />);

    // The browser has already moved to the earlier entry when popstate fires.
    window.history.replaceState(null, '', '/contacts');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(window.location.pathname).toBe('/templates/2');

    window.history.replaceState(null, '', '/contacts');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(window.location.pathname).toBe('/contacts');
    confirm.mockRestore();
  });

  it('lets the page go without asking once the changes are saved, and asks the browser before unloading only while unsaved', () => {
    window.history.replaceState(null, '', '/templates/1');
    const confirm = vi.spyOn(window, 'confirm');
    const { rerender } = render(<Editor unsaved />);
    const unsavedUnload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unsavedUnload);
    expect(unsavedUnload.defaultPrevented).toBe(true);

    rerender(<Editor unsaved={false} />);
    const savedUnload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(savedUnload);
    expect(savedUnload.defaultPrevented).toBe(false);
    navigate('/offers');
    expect(confirm).not.toHaveBeenCalled();
    expect(window.location.pathname).toBe('/offers');
    confirm.mockRestore();
  });
});
